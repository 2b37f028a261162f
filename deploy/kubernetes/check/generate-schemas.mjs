// Writes ../schemas/<group>/<kind>_<version>.json, one self-contained strict JSON schema per kind, the way kubeconform's
// "standalone-strict" schemas are made: every $ref inlined, and no field that the API does not define.
//   node generate-schemas.mjs --swagger swagger.json Deployment.apps/v1 Service.v1 ...   (Kubernetes' OpenAPI v2)
//   node generate-schemas.mjs --crd crd.yaml                                             (a CustomResourceDefinition)
// A cluster's own CRDs come from `kubectl get crd keycloaks.k8s.keycloak.org -o yaml`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");
const INT_OR_STRING = { anyOf: [{ type: "integer" }, { type: "string" }] };
const QUANTITY = { anyOf: [{ type: "number" }, { type: "string" }] };

function write(group, kind, version, schema) {
  const file = join(out, group, `${kind.toLowerCase()}_${version}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(schema, null, 1) + "\n");
  console.log(`wrote ${file}`);
}

/** Objects with properties accept no other field, unless the schema says unknown fields are kept. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description") continue;
    copy[key] = key === "properties" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v)])) : strict(value);
  }
  if (copy["x-kubernetes-int-or-string"]) {
    delete copy.type;
    Object.assign(copy, INT_OR_STRING);
  }
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  if (copy.nullable) {
    delete copy.nullable;
  }
  return copy;
}

function fromSwagger(path, kinds) {
  const definitions = JSON.parse(readFileSync(path, "utf8")).definitions;
  const inline = (schema, stack) => {
    if (Array.isArray(schema)) return schema.map((s) => inline(s, stack));
    if (schema === null || typeof schema !== "object") return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace("#/definitions/", "");
      if (name === "io.k8s.apimachinery.pkg.util.intstr.IntOrString") return INT_OR_STRING;
      if (name === "io.k8s.apimachinery.pkg.api.resource.Quantity") return QUANTITY;
      if (stack.includes(name)) return {};
      return inline(definitions[name], [...stack, name]);
    }
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, stack)]));
  };
  for (const wanted of kinds) {
    const [kind, apiVersion] = [wanted.slice(0, wanted.indexOf(".")), wanted.slice(wanted.indexOf(".") + 1)];
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
    const name = Object.keys(definitions).find((n) => (definitions[n]["x-kubernetes-group-version-kind"] || [])
      .some((g) => g.kind === kind && g.version === version && (g.group || "core") === group));
    if (!name) throw new Error(`${wanted}: not in ${path}`);
    const schema = strict(inline(definitions[name], [name]));
    schema.properties.apiVersion.enum = [apiVersion];
    schema.properties.kind.enum = [kind];
    schema.required = [...new Set([...(schema.required || []), "apiVersion", "kind", "metadata"])];
    write(group, kind, version, schema);
  }
}

function fromCrd(path) {
  const crd = YAML.parse(readFileSync(path, "utf8"));
  const objectMeta = JSON.parse(readFileSync(join(out, "core", "configmap_v1.json"), "utf8")).properties.metadata;
  for (const version of crd.spec.versions.filter((v) => v.served)) {
    const schema = strict(version.schema.openAPIV3Schema);
    const apiVersion = `${crd.spec.group}/${version.name}`;
    schema.properties.apiVersion = { type: "string", enum: [apiVersion] };
    schema.properties.kind = { type: "string", enum: [crd.spec.names.kind] };
    schema.properties.metadata = objectMeta;
    schema.required = [...new Set([...(schema.required || []), "apiVersion", "kind", "metadata"])];
    if (crd.spec.names.kind === "Keycloak" && !schema.properties.spec.properties.networkPolicy) {
      schema.properties.spec.properties.networkPolicy = keycloakNetworkPolicy();
    }
    write(crd.spec.group, crd.spec.names.kind, version.name, schema);
  }
}

// The newest Keycloak CRD at hand is 26.0's; spec.networkPolicy came in 26.1 (operator source:
// crds/v2alpha1/deployment/spec/NetworkPolicySpec.java): enabled, and http/https/management lists of NetworkPolicyPeer.
function keycloakNetworkPolicy() {
  const policy = JSON.parse(readFileSync(join(out, "networking.k8s.io", "networkpolicy_v1.json"), "utf8"));
  const peers = { type: "array", items: policy.properties.spec.properties.ingress.items.properties.from.items };
  return {
    type: "object",
    properties: { enabled: { type: "boolean" }, http: peers, https: peers, management: peers },
    additionalProperties: false,
  };
}

const args = process.argv.slice(2);
if (args[0] === "--swagger") fromSwagger(args[1], args.slice(2));
else if (args[0] === "--crd") args.slice(1).forEach(fromCrd);
else throw new Error("usage: --swagger swagger.json Kind.group/version... | --crd crd.yaml...");
