// Patronage's own rules for rendered manifests, on top of the schemas. Each rule returns messages
// "<Kind> <namespace>/<name> <where>: <what is wrong>"; an empty list means the render is fine.

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "PriorityClass", "StorageClass", "PersistentVolume"]);
const TOPIC_NAME = /^[a-z]+(\.[a-z-]+)+\.v\d+(\.dlq)?$/;

function name(object) {
  const ns = object?.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object?.kind} ${ns}${object?.metadata?.name}`;
}

function podTemplate(object) {
  if (object.kind === "CronJob") return object.spec?.jobTemplate?.spec?.template;
  return object.spec?.template;
}

function workloads(objects) {
  return objects.filter((o) => WORKLOAD_KINDS.has(o.kind) && podTemplate(o)?.spec).map((o) => ({
    object: o,
    namespace: o.metadata?.namespace,
    labels: podTemplate(o).metadata?.labels ?? {},
    spec: podTemplate(o).spec,
  }));
}

export function selects(selector, labels) {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expression.key);
    const value = labels[expression.key];
    switch (expression.operator) {
      case "In": if (!has || !expression.values.includes(value)) return false; break;
      case "NotIn": if (has && expression.values.includes(value)) return false; break;
      case "Exists": if (!has) return false; break;
      case "DoesNotExist": if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

const isEmptySelector = (selector) =>
  !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);

// Secret name -> Set of keys, from the Secrets among objects.
export function collectSecretCatalog(objects) {
  const catalog = new Map();
  for (const secret of objects.filter((o) => o.kind === "Secret")) {
    catalog.set(secret.metadata.name, new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})]));
  }
  return catalog;
}

// The Secrets the Strimzi operators write, name -> keys: per KafkaUser with SCRAM-SHA-512 a Secret named
// like the user (its password and JAAS configuration), per Kafka the public certificate of its cluster CA.
export function strimziSecrets(objects) {
  const secrets = new Map();
  for (const user of objects.filter((o) => o.kind === "KafkaUser")) {
    const type = user.spec?.authentication?.type;
    if (type === "scram-sha-512") secrets.set(user.metadata.name, new Set(["password", "sasl.jaas.config"]));
    if (type === "tls") secrets.set(user.metadata.name, new Set(["ca.crt", "user.crt", "user.key", "user.p12", "user.password"]));
  }
  for (const kafka of objects.filter((o) => o.kind === "Kafka")) {
    secrets.set(`${kafka.metadata.name}-cluster-ca-cert`, new Set(["ca.crt", "ca.p12", "ca.password"]));
  }
  return secrets;
}

function containersOf(spec) {
  return [
    ...(spec.initContainers ?? []).map((c) => ({ container: c, where: `initContainer ${c.name}`, init: true })),
    ...(spec.containers ?? []).map((c) => ({ container: c, where: `container ${c.name}`, init: false })),
  ];
}

function checkImage(image) {
  if (!image) return "has no image";
  if (image.includes("@sha256:")) return null;
  const lastPart = image.split("/").pop();
  if (!lastPart.includes(":")) return `image "${image}" has no tag: pin a version (never :latest)`;
  if (lastPart.split(":")[1] === "latest") return `image "${image}" uses :latest: pin a version`;
  return null;
}

function checkPodSecurity(workload, problems) {
  const { object, spec } = workload;
  const pod = spec.securityContext ?? {};
  const owner = name(object);
  if (spec.automountServiceAccountToken !== false) problems.push(`${owner}: pod must set automountServiceAccountToken: false`);
  for (const flag of ["hostNetwork", "hostPID", "hostIPC"]) {
    if (spec[flag]) problems.push(`${owner}: pod must not use ${flag}`);
  }
  for (const volume of spec.volumes ?? []) {
    if (volume.hostPath) problems.push(`${owner}: volume ${volume.name} must not be a hostPath`);
  }
  if (pod.runAsUser === 0) problems.push(`${owner}: pod must not run as uid 0`);
  const ports = new Set();
  for (const { container } of containersOf(spec)) for (const port of container.ports ?? []) if (port.name) ports.add(port.name);

  for (const { container, where, init } of containersOf(spec)) {
    const sc = container.securityContext ?? {};
    const at = `${owner} ${where}`;
    if (!(sc.runAsNonRoot ?? pod.runAsNonRoot)) problems.push(`${at}: must run with runAsNonRoot: true`);
    if (sc.runAsUser === 0) problems.push(`${at}: must not run as uid 0`);
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") problems.push(`${at}: needs seccompProfile RuntimeDefault`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: must set allowPrivilegeEscalation: false`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: must set readOnlyRootFilesystem: true`);
    if (sc.privileged) problems.push(`${at}: must not be privileged`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${at}: must drop ALL capabilities`);
    if ((sc.capabilities?.add ?? []).length) problems.push(`${at}: must not add capabilities`);
    const imageProblem = checkImage(container.image);
    if (imageProblem) problems.push(`${at}: ${imageProblem}`);
    const resources = container.resources ?? {};
    for (const [section, resource] of [["requests", "cpu"], ["requests", "memory"], ["limits", "cpu"], ["limits", "memory"]]) {
      if (resources[section]?.[resource] === undefined) problems.push(`${at}: needs resources.${section}.${resource}`);
    }
    // A container that serves a port must say when it is ready and when it is broken.
    if (!init && (container.ports ?? []).length && WORKLOAD_KINDS.has(object.kind) && !["Job", "CronJob"].includes(object.kind)) {
      if (!container.readinessProbe) problems.push(`${at}: serves a port, so it needs a readinessProbe`);
      if (!container.livenessProbe) problems.push(`${at}: serves a port, so it needs a livenessProbe`);
    }
    for (const kind of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const probe = container[kind];
      const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
      if (typeof port === "string" && !ports.has(port)) problems.push(`${at}: ${kind} uses port "${port}", which no container declares`);
    }
  }
}

function checkReferences(workload, objects, catalog, problems) {
  const { object, spec, namespace } = workload;
  const owner = name(object);
  const inNamespace = (kind, n) => objects.find((o) => o.kind === kind && o.metadata?.name === n && o.metadata?.namespace === namespace);
  const configMap = (ref, key, where) => {
    if (ref.optional) return;
    const found = inNamespace("ConfigMap", ref.name);
    if (!found) problems.push(`${owner} ${where}: ConfigMap "${ref.name}" is not in this render`);
    else if (key && !(key in (found.data ?? {})) && !(key in (found.binaryData ?? {}))) {
      problems.push(`${owner} ${where}: ConfigMap "${ref.name}" has no key "${key}"`);
    }
  };
  const secret = (secretName, key, optional, where) => {
    if (optional) return;
    const found = inNamespace("Secret", secretName);
    const keys = found ? collectSecretCatalog([found]).get(secretName) : catalog.get(secretName);
    if (!keys) {
      problems.push(`${owner} ${where}: Secret "${secretName}" is neither in this render nor one of the Secrets ` +
        "of components/placeholder-secrets (the list production must provide) or of those Strimzi writes");
    } else if (key && !keys.has(key)) {
      problems.push(`${owner} ${where}: Secret "${secretName}" has no key "${key}"` +
        (found ? "" : " in components/placeholder-secrets or as Strimzi writes it"));
    }
  };
  for (const { container, where } of containersOf(spec)) {
    for (const env of container.env ?? []) {
      const from = env.valueFrom ?? {};
      if (from.configMapKeyRef) configMap(from.configMapKeyRef, from.configMapKeyRef.key, `${where} env ${env.name}`);
      if (from.secretKeyRef) secret(from.secretKeyRef.name, from.secretKeyRef.key, from.secretKeyRef.optional, `${where} env ${env.name}`);
    }
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) configMap(source.configMapRef, null, `${where} envFrom`);
      if (source.secretRef) secret(source.secretRef.name, null, source.secretRef.optional, `${where} envFrom`);
    }
    const volumes = new Set([...(spec.volumes ?? []), ...(object.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata ?? {})]
      .map((v) => v.name));
    for (const mount of container.volumeMounts ?? []) {
      if (!volumes.has(mount.name)) problems.push(`${owner} ${where}: mounts volume "${mount.name}", which the pod does not define`);
    }
  }
  for (const volume of spec.volumes ?? []) {
    if (volume.configMap) configMap(volume.configMap, null, `volume ${volume.name}`);
    if (volume.secret) {
      secret(volume.secret.secretName, null, volume.secret.optional, `volume ${volume.name}`);
      for (const item of volume.secret.items ?? []) secret(volume.secret.secretName, item.key, volume.secret.optional, `volume ${volume.name}`);
    }
  }
  const account = spec.serviceAccountName;
  if (account && account !== "default" && !inNamespace("ServiceAccount", account)) {
    problems.push(`${owner}: ServiceAccount "${account}" is not in this render`);
  }
  if (!account || account === "default") problems.push(`${owner}: pod needs its own serviceAccountName`);
}

function checkServices(objects, pods, problems) {
  for (const service of objects.filter((o) => o.kind === "Service")) {
    const selector = service.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    const matched = pods.filter((p) => p.namespace === service.metadata?.namespace && selects({ matchLabels: selector }, p.labels));
    if (matched.length === 0) {
      problems.push(`${name(service)}: selector ${JSON.stringify(selector)} matches no pod template in this render`);
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const declared = matched.some((p) => containersOf(p.spec).some(({ container }) =>
        (container.ports ?? []).some((cp) => (typeof target === "string" ? cp.name === target : cp.containerPort === target))));
      if (!declared) problems.push(`${name(service)}: targetPort ${JSON.stringify(target)} is not a port of the selected pods`);
    }
  }
}

function checkAutoscalingAndBudgets(objects, pods, problems) {
  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const target = objects.find((o) => o.kind === ref.kind && o.metadata?.name === ref.name && o.metadata?.namespace === hpa.metadata?.namespace);
    if (!target) {
      problems.push(`${name(hpa)}: scaleTargetRef ${ref.kind} "${ref.name}" is not in this render`);
      continue;
    }
    if (target.spec?.replicas !== undefined) {
      problems.push(`${name(target)}: sets spec.replicas although ${name(hpa)} scales it (every apply would reset the HPA's choice)`);
    }
    if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas) problems.push(`${name(hpa)}: minReplicas is above maxReplicas`);
  }
  for (const pdb of objects.filter((o) => o.kind === "PodDisruptionBudget")) {
    const matched = pods.filter((p) => p.namespace === pdb.metadata?.namespace && selects(pdb.spec?.selector, p.labels));
    if (matched.length === 0) problems.push(`${name(pdb)}: selector matches no pod template in this render`);
    if (pdb.spec?.maxUnavailable === 0 || pdb.spec?.maxUnavailable === "0%") {
      problems.push(`${name(pdb)}: maxUnavailable 0 blocks every node drain`);
    }
  }
}

// With a namespace-wide default deny, every workload needs its own allow-list that opens the
// ports its containers serve.
function checkNetworkPolicies(objects, pods, problems) {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  for (const namespace of new Set(policies.map((p) => p.metadata?.namespace))) {
    const inNamespace = policies.filter((p) => p.metadata?.namespace === namespace);
    const denyAll = inNamespace.some((p) => isEmptySelector(p.spec?.podSelector)
      && ["Ingress", "Egress"].every((t) => (p.spec?.policyTypes ?? []).includes(t))
      && !(p.spec?.ingress ?? []).length && !(p.spec?.egress ?? []).length);
    if (!denyAll) continue;
    for (const pod of pods.filter((p) => p.namespace === namespace)) {
      const own = inNamespace.filter((p) => !isEmptySelector(p.spec?.podSelector) && selects(p.spec.podSelector, pod.labels));
      if (own.length === 0) {
        problems.push(`${name(pod.object)}: no NetworkPolicy selects its pods, so the default deny cuts it off`);
        continue;
      }
      const rules = own.flatMap((p) => p.spec?.ingress ?? []);
      for (const { container } of containersOf(pod.spec)) {
        for (const port of container.ports ?? []) {
          const open = rules.some((rule) => !(rule.ports ?? []).length
            || rule.ports.some((p) => p.port === port.containerPort || (port.name && p.port === port.name)));
          if (!open) problems.push(`${name(pod.object)}: port ${port.containerPort} is served but no NetworkPolicy admits traffic to it`);
        }
      }
    }
  }
}

function number(value) {
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
}

function checkKafka(objects, problems) {
  const clusters = objects.filter((o) => o.kind === "Kafka");
  const pools = objects.filter((o) => o.kind === "KafkaNodePool");
  const brokersOf = (cluster) => pools
    .filter((p) => p.metadata?.labels?.["strimzi.io/cluster"] === cluster && (p.spec?.roles ?? []).includes("broker"))
    .reduce((sum, p) => sum + (p.spec?.replicas ?? 0), 0);

  for (const pool of pools) {
    const cluster = pool.metadata?.labels?.["strimzi.io/cluster"];
    if (!cluster) problems.push(`${name(pool)}: needs the label strimzi.io/cluster`);
    else if (clusters.length && !clusters.some((c) => c.metadata?.name === cluster)) {
      problems.push(`${name(pool)}: strimzi.io/cluster "${cluster}" is not a Kafka in this render`);
    }
  }
  for (const kafka of clusters) {
    const own = pools.filter((p) => p.metadata?.labels?.["strimzi.io/cluster"] === kafka.metadata?.name);
    const roles = new Set(own.flatMap((p) => p.spec?.roles ?? []));
    if (!roles.has("controller") || !roles.has("broker")) {
      problems.push(`${name(kafka)}: KRaft needs KafkaNodePools with the controller and the broker role (found: ${[...roles].join(", ") || "none"})`);
      continue;
    }
    if (!kafka.spec?.kafka?.version) problems.push(`${name(kafka)}: pin spec.kafka.version`);
    const brokers = brokersOf(kafka.metadata.name);
    const config = kafka.spec?.kafka?.config ?? {};
    for (const key of ["default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor"]) {
      if (number(config[key]) > brokers) problems.push(`${name(kafka)}: ${key} ${config[key]} is above the ${brokers} broker(s)`);
    }
    if (number(config["min.insync.replicas"]) > number(config["default.replication.factor"] ?? 1)) {
      problems.push(`${name(kafka)}: min.insync.replicas is above default.replication.factor`);
    }
    if (config["auto.create.topics.enable"] !== false && config["auto.create.topics.enable"] !== "false") {
      problems.push(`${name(kafka)}: set auto.create.topics.enable: false (topics come from the KafkaTopic resources)`);
    }
  }
  for (const topic of objects.filter((o) => o.kind === "KafkaTopic")) {
    const topicName = topic.spec?.topicName ?? topic.metadata?.name;
    if (!TOPIC_NAME.test(topicName)) problems.push(`${name(topic)}: "${topicName}" is not <domain>.<stream>.v<N>[.dlq]`);
    const cluster = topic.metadata?.labels?.["strimzi.io/cluster"];
    if (!cluster) {
      problems.push(`${name(topic)}: needs the label strimzi.io/cluster`);
      continue;
    }
    const replicas = topic.spec?.replicas;
    const minIsr = number(topic.spec?.config?.["min.insync.replicas"]);
    if (replicas === undefined) problems.push(`${name(topic)}: set spec.replicas explicitly`);
    if (minIsr !== undefined && replicas !== undefined && minIsr > replicas) {
      problems.push(`${name(topic)}: min.insync.replicas ${minIsr} is above replicas ${replicas}`);
    }
    if (clusters.length) {
      if (!clusters.some((c) => c.metadata?.name === cluster)) problems.push(`${name(topic)}: strimzi.io/cluster "${cluster}" is not a Kafka in this render`);
      else if (replicas > brokersOf(cluster)) problems.push(`${name(topic)}: replicas ${replicas} is above the ${brokersOf(cluster)} broker(s) of ${cluster}`);
    }
  }
}

function checkNamespaces(objects, problems) {
  const namespaces = new Set(objects.filter((o) => !CLUSTER_SCOPED.has(o.kind)).map((o) => o.metadata?.namespace ?? "(none)"));
  if (namespaces.size > 1) problems.push(`objects are spread over several namespaces: ${[...namespaces].join(", ")}`);
  for (const ns of objects.filter((o) => o.kind === "Namespace")) {
    if (ns.metadata?.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") {
      problems.push(`${name(ns)}: label pod-security.kubernetes.io/enforce must be "restricted"`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Kafka and MongoDB in production: encrypted and authenticated, each service with its own least
// privileges, every credential from a Secret.

const SERVICE_LABEL = "app.kubernetes.io/component";
const isService = (workload) => workload.object.kind === "Deployment" && workload.labels[SERVICE_LABEL] === "service";
// Environment variables that carry a credential: their value must come from a Secret.
const CREDENTIAL_ENV = /(PASSWORD|SECRET|TOKEN|JAAS_CONFIG|MASTER_KEYS?|PRIVATE_KEY|_CREDENTIALS|^MONGODB_URI)$/;
// What a credential in clear looks like in a ConfigMap, an env value, args or a command.
const CLEAR_CREDENTIALS = [
  [/[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i, "a URI with a password"],
  [/LoginModule\s+required/, "a JAAS configuration"],
  [/password\s*=\s*\S/i, "a password="],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
];

function clearCredential(text) {
  if (typeof text !== "string") return null;
  const found = CLEAR_CREDENTIALS.find(([pattern]) => pattern.test(text));
  return found ? found[1] : null;
}

function checkKafkaSecurity(objects, pods, problems) {
  const clusters = objects.filter((o) => o.kind === "Kafka");
  for (const kafka of clusters) {
    for (const listener of kafka.spec?.kafka?.listeners ?? []) {
      const at = `${name(kafka)} listener ${listener.name}`;
      if (listener.tls !== true) problems.push(`${at}: plaintext listener (set tls: true)`);
      const auth = listener.authentication?.type;
      if (auth !== "scram-sha-512" && auth !== "tls") problems.push(`${at}: clients must authenticate (scram-sha-512 or tls)`);
    }
    if (kafka.spec?.kafka?.authorization?.type !== "simple") {
      problems.push(`${name(kafka)}: needs spec.kafka.authorization (type simple) so that KafkaUser ACLs apply`);
    }
    if (!kafka.spec?.entityOperator?.userOperator) {
      problems.push(`${name(kafka)}: needs entityOperator.userOperator to create the KafkaUsers' credentials`);
    }
  }
  const users = objects.filter((o) => o.kind === "KafkaUser");
  for (const user of users) {
    const cluster = user.metadata?.labels?.["strimzi.io/cluster"];
    if (!cluster) problems.push(`${name(user)}: needs the label strimzi.io/cluster`);
    else if (clusters.length && !clusters.some((c) => c.metadata?.name === cluster)) {
      problems.push(`${name(user)}: strimzi.io/cluster "${cluster}" is not a Kafka in this render`);
    }
    if (!["scram-sha-512", "tls"].includes(user.spec?.authentication?.type)) {
      problems.push(`${name(user)}: needs authentication scram-sha-512 or tls`);
    }
    if (user.spec?.authorization?.type !== "simple") problems.push(`${name(user)}: needs authorization type simple with ACLs`);
    for (const [i, acl] of (user.spec?.authorization?.acls ?? []).entries()) {
      const at = `${name(user)} acl ${i} (${acl.resource?.type} ${acl.resource?.name ?? ""})`;
      if ((acl.operations ?? []).includes("All")) problems.push(`${at}: operation All is more than a service needs`);
      if (acl.resource?.type === "cluster") problems.push(`${at}: a service needs no cluster-wide permission`);
      if (acl.resource?.name === "*" || acl.resource?.name === "") problems.push(`${at}: wildcard resource`);
      if (acl.resource?.patternType === "prefix" && acl.resource?.name !== user.metadata?.name) {
        problems.push(`${at}: a prefix must be the user's own name`);
      }
    }
  }
  // Where the render has the cluster, every service needs its user; the services' credentials come from Secrets.
  for (const pod of pods.filter(isService)) {
    const service = pod.object.metadata?.name;
    const owner = name(pod.object);
    if (clusters.length && !users.some((u) => u.metadata?.name === service && u.metadata?.namespace === pod.namespace)) {
      problems.push(`${owner}: no KafkaUser "${service}" (generate them from the registry: contracts' TopicFilesTest)`);
    }
    const container = pod.spec.containers?.[0] ?? {};
    const env = new Map((container.env ?? []).map((e) => [e.name, e]));
    const fromSecret = (variable, secretName, key) => {
      const ref = env.get(variable)?.valueFrom?.secretKeyRef;
      if (!ref) problems.push(`${owner}: ${variable} must come from a Secret (secretKeyRef)`);
      else if (secretName && (ref.name !== secretName || ref.key !== key)) {
        problems.push(`${owner}: ${variable} must come from Secret "${secretName}" key "${key}", not "${ref.name}" key "${ref.key}"`);
      }
    };
    fromSecret("MONGODB_URI");
    fromSecret("KAFKA_SASL_JAAS_CONFIG", service, "sasl.jaas.config");
    fromSecret("KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
    const configMaps = (container.envFrom ?? []).map((f) => f.configMapRef?.name).filter(Boolean)
      .map((n) => objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === n && o.metadata?.namespace === pod.namespace))
      .filter(Boolean);
    const setting = (key) => env.get(key)?.value ?? configMaps.map((c) => c.data?.[key]).find((v) => v !== undefined);
    if (setting("KAFKA_SECURITY_PROTOCOL") !== "SASL_SSL") problems.push(`${owner}: KAFKA_SECURITY_PROTOCOL must be SASL_SSL`);
    if (setting("KAFKA_SASL_MECHANISM") !== "SCRAM-SHA-512") problems.push(`${owner}: KAFKA_SASL_MECHANISM must be SCRAM-SHA-512`);
    // MongoDB: the service's own user, with readWrite on exactly the service's database.
    const bootstrap = objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === "mongodb-bootstrap" && o.metadata?.namespace === pod.namespace);
    if (bootstrap) {
      const users = new Map(String(bootstrap.data?.APP_USERS ?? "").split(/\s+/).filter(Boolean).map((entry) => entry.split("=")));
      const database = setting("PATRONAGE_MONGO_DATABASE");
      if (users.get(service) !== database) {
        problems.push(`${owner}: ConfigMap mongodb-bootstrap APP_USERS must give the user ${service} its database ${database} (has ${users.get(service) ?? "nothing"})`);
      }
    }
    if (String(setting("PATRONAGE_KAFKA_PROVISION_TOPICS")) !== "false") {
      problems.push(`${owner}: PATRONAGE_KAFKA_PROVISION_TOPICS must be "false" (the KafkaTopics own the topics, the user may not create them)`);
    }
  }
  // MongoDB: members authenticate each other and clients (a keyfile implies authorization).
  for (const set of objects.filter((o) => o.kind === "StatefulSet" && o.metadata?.name === "mongodb")) {
    const args = [...(set.spec?.template?.spec?.containers?.[0]?.args ?? []), ...(set.spec?.template?.spec?.containers?.[0]?.command ?? [])];
    if (!args.some((a) => a.startsWith("--keyFile") || a === "--auth")) problems.push(`${name(set)}: mongod must run with --keyFile (authentication)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Health and /prometheus on each service's management port only (Micronaut's endpoints.all.port): the
// kubelet's probes and Prometheus use it, the API port serves the API; each port is opened to whom it is for.

const MONITORING_NAMESPACE = "monitoring";
const servesPort = (port, served) => port === served.containerPort || (served.name !== undefined && port === served.name);

function admits(rule, served) {
  return !(rule.ports ?? []).length || rule.ports.some((p) => servesPort(p.port, served));
}

// A peer that is every pod of every namespace, or any address.
const fromAnywhere = (peer) => (peer.namespaceSelector && isEmptySelector(peer.namespaceSelector) && isEmptySelector(peer.podSelector))
  || peer.ipBlock?.cidr === "0.0.0.0/0" || peer.ipBlock?.cidr === "::/0";
const fromMonitoring = (peer) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === MONITORING_NAMESPACE
  && !peer.ipBlock;

function checkManagementPort(objects, pods, problems) {
  const managementPorts = new Map();
  for (const pod of pods.filter(isService)) {
    const owner = name(pod.object);
    const container = pod.spec.containers?.[0] ?? {};
    const ports = container.ports ?? [];
    const management = ports.find((p) => p.name === "management");
    const api = ports.find((p) => p.name === "http");
    if (!management) {
      problems.push(`${owner}: needs a container port named "management" (health and /prometheus, ENDPOINTS_ALL_PORT)`);
      continue;
    }
    managementPorts.set(pod, management);
    if (api && api.containerPort === management.containerPort) {
      problems.push(`${owner}: the management port must differ from the API port ${api.containerPort}`);
    }
    const env = new Map((container.env ?? []).map((e) => [e.name, e]));
    const configMaps = (container.envFrom ?? []).map((f) => f.configMapRef?.name).filter(Boolean)
      .map((n) => objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === n && o.metadata?.namespace === pod.namespace))
      .filter(Boolean);
    const setting = env.get("ENDPOINTS_ALL_PORT")?.value ?? configMaps.map((c) => c.data?.ENDPOINTS_ALL_PORT).find((v) => v !== undefined);
    if (String(setting) !== String(management.containerPort)) {
      problems.push(`${owner}: ENDPOINTS_ALL_PORT must be the management port ${management.containerPort} (is ${setting ?? "unset"}), ` +
        "or health and /prometheus are served on the API port");
    }
    for (const kind of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = container[kind]?.httpGet?.port;
      if (container[kind] && !servesPort(port, management)) {
        problems.push(`${owner}: ${kind} must use the management port (health is not served on ${JSON.stringify(port)})`);
      }
    }
    const annotations = podTemplate(pod.object).metadata?.annotations ?? {};
    if (annotations["prometheus.io/scrape"] === "true" && String(annotations["prometheus.io/port"]) !== String(management.containerPort)) {
      problems.push(`${owner}: annotation prometheus.io/port must be the management port ${management.containerPort}`);
    }
    for (const service of objects.filter((o) => o.kind === "Service" && o.metadata?.namespace === pod.namespace
      && o.spec?.selector && selects({ matchLabels: o.spec.selector }, pod.labels))) {
      for (const port of service.spec?.ports ?? []) {
        if (servesPort(port.targetPort ?? port.port, management)) {
          problems.push(`${name(service)}: exposes the management port of ${owner} (Prometheus and the kubelet reach the pods directly)`);
        }
      }
    }
    const policies = objects.filter((o) => o.kind === "NetworkPolicy" && o.metadata?.namespace === pod.namespace
      && !isEmptySelector(o.spec?.podSelector) && selects(o.spec.podSelector, pod.labels));
    for (const policy of policies) {
      for (const rule of policy.spec?.ingress ?? []) {
        const peers = rule.from ?? [];
        if (admits(rule, management) && (!peers.length || !peers.every(fromMonitoring))) {
          problems.push(`${name(policy)}: admits the management port of ${owner} from beyond the namespace ${MONITORING_NAMESPACE}`);
        }
        if (api && admits(rule, api) && (!peers.length || peers.some(fromAnywhere))) {
          problems.push(`${name(policy)}: admits the API port of ${owner} from every namespace (only from the ingress controller's)`);
        }
      }
    }
  }
  for (const monitor of objects.filter((o) => o.kind === "PodMonitor")) {
    const scraped = pods.filter((p) => managementPorts.has(p) && selects(monitor.spec?.selector, p.labels));
    for (const endpoint of monitor.spec?.podMetricsEndpoints ?? []) {
      for (const pod of scraped) {
        if (!servesPort(endpoint.port ?? endpoint.targetPort, managementPorts.get(pod))) {
          problems.push(`${name(monitor)}: scrapes ${name(pod.object)} on port ${JSON.stringify(endpoint.port ?? endpoint.targetPort)}, ` +
            "not its management port (the only one serving /prometheus)");
        }
      }
    }
  }
}

// No credential in clear outside Secrets: not in ConfigMaps, env values, args or commands.
function checkClearCredentials(objects, pods, problems) {
  for (const map of objects.filter((o) => o.kind === "ConfigMap")) {
    for (const [key, value] of Object.entries(map.data ?? {})) {
      const what = clearCredential(value);
      if (what) problems.push(`${name(map)} key ${key}: ${what} in clear (put it in a Secret)`);
      else if (CREDENTIAL_ENV.test(key) && value) problems.push(`${name(map)} key ${key}: a credential in a ConfigMap (put it in a Secret)`);
    }
  }
  for (const pod of pods) {
    for (const { container, where } of containersOf(pod.spec)) {
      const at = `${name(pod.object)} ${where}`;
      for (const env of container.env ?? []) {
        if (env.value === undefined || env.value === "") continue;
        const what = clearCredential(env.value);
        if (what) problems.push(`${at} env ${env.name}: ${what} in clear (use a secretKeyRef)`);
        else if (CREDENTIAL_ENV.test(env.name)) problems.push(`${at} env ${env.name}: a credential as a literal value (use a secretKeyRef)`);
      }
      for (const arg of [...(container.args ?? []), ...(container.command ?? [])]) {
        const what = clearCredential(arg);
        if (what) problems.push(`${at}: ${what} in clear in its command line`);
      }
    }
  }
}

export function checkRules(objects, catalog) {
  const problems = [];
  const pods = workloads(objects);
  for (const workload of pods) {
    checkPodSecurity(workload, problems);
    checkReferences(workload, objects, catalog, problems);
  }
  checkServices(objects, pods, problems);
  checkAutoscalingAndBudgets(objects, pods, problems);
  checkNetworkPolicies(objects, pods, problems);
  checkKafka(objects, problems);
  checkKafkaSecurity(objects, pods, problems);
  checkClearCredentials(objects, pods, problems);
  checkManagementPort(objects, pods, problems);
  checkNamespaces(objects, problems);
  return problems;
}
