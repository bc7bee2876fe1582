import { routes } from "../groups/auth";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
