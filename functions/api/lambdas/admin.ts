import { routes } from "../groups/admin";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
