import * as z from "zod/mini";

// One zod instance for the whole product: the mini build (small Lambda bundles) with Russian messages.
z.config(z.locales.ru());

export { z };
