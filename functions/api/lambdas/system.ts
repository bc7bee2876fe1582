import { routes } from "../groups/system";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
