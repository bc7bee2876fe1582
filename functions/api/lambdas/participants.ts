import { routes } from "../groups/participants";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
