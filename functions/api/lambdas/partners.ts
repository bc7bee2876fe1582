import { routes } from "../groups/partners";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
