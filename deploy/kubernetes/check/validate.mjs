// Validates every object of a rendered manifest (kubectl kustomize's output, on stdin or in a file) against the schema
// of its apiVersion and kind in ../schemas (strict: a field the API does not define is an error). An object whose kind
// has no schema there is an error too. Exit status 1 on any error.
//   kubectl kustomize overlays/staging | node validate.mjs
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import YAML from "yaml";

const schemas = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map();

function validatorFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const file = join(schemas, group, `${kind.toLowerCase()}_${version}.json`);
  if (!compiled.has(file)) {
    let schema;
    try {
      schema = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      compiled.set(file, null);
      return null;
    }
    compiled.set(file, ajv.compile(schema));
  }
  return compiled.get(file);
}

const text = readFileSync(process.argv[2] || 0, "utf8");
let objects = 0;
let failures = 0;
for (const document of YAML.parseAllDocuments(text)) {
  if (document.errors.length) {
    console.error(`YAML: ${document.errors[0].message}`);
    failures++;
    continue;
  }
  const object = document.toJS();
  if (object === null) continue;
  objects++;
  const name = `${object.kind}/${object.metadata?.name} (${object.apiVersion})`;
  const validate = validatorFor(object.apiVersion || "", object.kind || "");
  if (!validate) {
    console.error(`${name}: no schema in ${schemas}`);
    failures++;
  } else if (!validate(object)) {
    failures++;
    for (const error of validate.errors) {
      const detail = error.params.additionalProperty ? ` "${error.params.additionalProperty}"` : "";
      console.error(`${name}: ${error.instancePath || "/"} ${error.message}${detail}`);
    }
  }
}
console.log(`${objects} objects, ${objects - failures} valid, ${failures} invalid`);
process.exit(failures || objects === 0 ? 1 : 0);
