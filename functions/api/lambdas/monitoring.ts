import { routes } from "../groups/monitoring";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
