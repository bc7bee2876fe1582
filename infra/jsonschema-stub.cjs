/**
 * Stands in for `jsonschema` in the Lambda bundles only (an esbuild alias, infra/bundling.ts).
 *
 * ElectroDB uses it for two things: (1) to check each entity's model against ElectroDB's model schema when the entity
 * is constructed, and (2) to tell a plain model from an Entity or Service instance when a Service joins them (an
 * instance fails the model schema). Our models are constants: the real validator checks every one of them in every
 * test run and in the local runtime. Validating them again on every cold start cost ~100 ms of CPU for our ~30
 * entities (jsonschema re-scans the schema and resolves every `$ref` with URL parsing on each call).
 *
 * This keeps (2) exact for ElectroDB 3.9.3 (pinned): every ElectroDB instance carries `_instance`, a model never does.
 */
class Validator {
  addSchema() {}

  validate(instance) {
    const isInstance = instance !== null && typeof instance === "object" && "_instance" in instance;
    return { errors: isInstance ? [{ property: "instance", message: "is an ElectroDB instance, not a model" }] : [] };
  }
}
// ElectroDB registers its custom formats on the prototype.
Validator.prototype.customFormats = {};

module.exports = { Validator };
