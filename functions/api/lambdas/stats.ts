import { routes } from "../groups/stats";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
