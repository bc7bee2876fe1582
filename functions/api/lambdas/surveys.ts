import { routes } from "../groups/surveys";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
