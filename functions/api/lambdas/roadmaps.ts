import { routes } from "../groups/roadmaps";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
