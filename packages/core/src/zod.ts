/**
 * The one zod for the whole product: the mini build (small Lambda bundles) with Russian messages
 * (only the Russian locale is loaded). Import it as a namespace — `import * as z from "…/zod"` —
 * so bundlers keep only the validators actually used.
 */
import { config } from "zod/mini";
import ru from "zod/v4/locales/ru.js";

config(ru());

export * from "zod/mini";
