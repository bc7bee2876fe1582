import { routes } from "../groups/reminders";
import { lambdaHandler } from "../lambda";

export const handler = lambdaHandler(routes);
