import { routes } from "../groups/registers";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
