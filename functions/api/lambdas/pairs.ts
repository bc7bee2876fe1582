import { routes } from "../groups/pairs";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
