import * as z from "zod/mini";
import ru from "zod/v4/locales/ru.js";

// One zod instance for the whole product: the mini build (small Lambda bundles) with Russian messages
// (only the Russian locale is imported, not all of them).
z.config(ru());

export { z };
