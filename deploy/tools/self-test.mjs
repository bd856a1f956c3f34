// Proves the validator is not vacuous: each case below breaks one thing in a copy of the rendered
// production overlay, and the validator must report it (with a message containing `expect`).

const find = (objects, kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));
const container = (objects, name = "points-service") => find(objects, "Deployment", name).spec.template.spec.containers[0];

const CASES = [
  {
    what: "misspelt securityContext field (readOnlyRootFileSystem)",
    expect: "readOnlyRootFileSystem: unknown field",
    mutate: (o) => {
      const sc = container(o).securityContext;
      delete sc.readOnlyRootFilesystem;
      sc.readOnlyRootFileSystem = true;
    },
  },
  {
    what: "containerPort given as a string",
    expect: "containerPort: must be integer",
    mutate: (o) => { container(o).ports[0].containerPort = "8082"; },
  },
  {
    what: "image on :latest",
    expect: ":latest",
    mutate: (o) => { container(o).image = "patronage/points-service:latest"; },
  },
  {
    what: "image without a tag",
    expect: "has no tag",
    mutate: (o) => { container(o).image = "patronage/points-service"; },
  },
  {
    what: "readiness probe removed",
    expect: "needs a readinessProbe",
    mutate: (o) => { delete container(o).readinessProbe; },
  },
  {
    what: "capabilities not dropped",
    expect: "must drop ALL capabilities",
    mutate: (o) => { delete container(o).securityContext.capabilities; },
  },
  {
    what: "memory limit removed",
    expect: "needs resources.limits.memory",
    mutate: (o) => { delete container(o).resources.limits.memory; },
  },
  {
    what: "service account token mounted",
    expect: "automountServiceAccountToken",
    mutate: (o) => { find(o, "Deployment", "rewards-service").spec.template.spec.automountServiceAccountToken = true; },
  },
  {
    what: "Secret key that production is not told to create",
    expect: "has no key \"MONGO_URL\"",
    mutate: (o) => { container(o).env.find((e) => e.name === "MONGODB_URI").valueFrom.secretKeyRef.key = "MONGO_URL"; },
  },
  {
    what: "HPA pointing at a missing Deployment",
    expect: "scaleTargetRef",
    mutate: (o) => { find(o, "HorizontalPodAutoscaler", "points-service").spec.scaleTargetRef.name = "point-service"; },
  },
  {
    what: "replicas set on a Deployment an HPA scales",
    expect: "sets spec.replicas",
    mutate: (o) => { find(o, "Deployment", "analytics-service").spec.replicas = 2; },
  },
  {
    what: "Service targetPort the pods do not declare",
    expect: "targetPort",
    mutate: (o) => { find(o, "Service", "enrollment-service").spec.ports[0].targetPort = "web"; },
  },
  {
    what: "NetworkPolicy allow-list removed for one service",
    expect: "no NetworkPolicy selects its pods",
    mutate: (o) => { o.splice(o.indexOf(find(o, "NetworkPolicy", "rewards-service")), 1); },
  },
  {
    what: "KafkaTopic with a misspelt field (partition)",
    expect: "/spec/partition: unknown field",
    mutate: (o) => {
      const spec = find(o, "KafkaTopic", "loyalty.points.v1").spec;
      spec.partition = spec.partitions;
      delete spec.partitions;
    },
  },
  {
    what: "KafkaTopic partitions as a string",
    expect: "/spec/partitions: must be integer",
    mutate: (o) => { find(o, "KafkaTopic", "loyalty.points.v1").spec.partitions = "12"; },
  },
  {
    what: "KafkaTopic with more replicas than brokers",
    expect: "is above the 3 broker(s)",
    mutate: (o) => { find(o, "KafkaTopic", "loyalty.members.v1").spec.replicas = 5; },
  },
  {
    what: "Kafka listener without tls",
    expect: "missing required field \"tls\"",
    mutate: (o) => { delete find(o, "Kafka").spec.kafka.listeners[0].tls; },
  },
  {
    what: "KafkaNodePool with an unknown role",
    expect: "must be one of",
    mutate: (o) => { find(o, "KafkaNodePool").spec.roles = ["controller", "brokers"]; },
  },
  {
    what: "Strimzi pod template with an invalid Kubernetes affinity",
    expect: "unknown field",
    mutate: (o) => { find(o, "KafkaNodePool").spec.template.pod.topologySpreadConstraints[0].maxskew = 1; },
  },
  {
    what: "PodMonitor with a misspelt field",
    expect: "unknown field",
    mutate: (o) => { find(o, "PodMonitor").spec.podMetricEndpoints = []; },
  },
  {
    what: "a plaintext Kafka listener next to the TLS one",
    expect: "plaintext listener",
    mutate: (o) => {
      find(o, "Kafka").spec.kafka.listeners.push({ name: "plain", port: 9092, type: "internal", tls: false,
        authentication: { type: "scram-sha-512" } });
    },
  },
  {
    what: "a Kafka listener without client authentication",
    expect: "clients must authenticate",
    mutate: (o) => { delete find(o, "Kafka").spec.kafka.listeners[0].authentication; },
  },
  {
    what: "Kafka without authorization (ACLs ignored)",
    expect: "needs spec.kafka.authorization",
    mutate: (o) => { delete find(o, "Kafka").spec.kafka.authorization; },
  },
  {
    what: "a service without its KafkaUser",
    expect: "no KafkaUser \"points-service\"",
    mutate: (o) => { o.splice(o.indexOf(find(o, "KafkaUser", "points-service")), 1); },
  },
  {
    what: "a KafkaUser allowed every operation",
    expect: "operation All",
    mutate: (o) => { find(o, "KafkaUser", "rewards-service").spec.authorization.acls[0].operations = ["All"]; },
  },
  {
    what: "a KafkaUser allowed every topic",
    expect: "wildcard resource",
    mutate: (o) => { find(o, "KafkaUser", "rewards-service").spec.authorization.acls[0].resource.name = "*"; },
  },
  {
    what: "a KafkaUser with another service's prefix",
    expect: "a prefix must be the user's own name",
    mutate: (o) => {
      find(o, "KafkaUser", "rewards-service").spec.authorization.acls
        .push({ resource: { type: "group", name: "points-service", patternType: "prefix" }, operations: ["Read"] });
    },
  },
  {
    what: "a service logging in with another service's Kafka password",
    expect: "must come from Secret \"points-service\"",
    mutate: (o) => { container(o).env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG").valueFrom.secretKeyRef.name = "rewards-service"; },
  },
  {
    what: "MongoDB URI with its password as a literal env value",
    expect: "MONGODB_URI must come from a Secret",
    mutate: (o) => {
      const env = container(o).env.find((e) => e.name === "MONGODB_URI");
      delete env.valueFrom;
      env.value = "mongodb://points-service:hunter2@mongodb-0.mongodb-headless:27017/patronage-points";
    },
  },
  {
    what: "a JAAS configuration in a ConfigMap",
    expect: "a JAAS configuration in clear",
    mutate: (o) => {
      find(o, "ConfigMap", "points-service").data.KAFKA_SASL_JAAS_CONFIG =
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="points-service" password="x";';
    },
  },
  {
    what: "a service on Kafka without TLS",
    expect: "KAFKA_SECURITY_PROTOCOL must be SASL_SSL",
    mutate: (o) => { find(o, "ConfigMap", "analytics-service").data.KAFKA_SECURITY_PROTOCOL = "SASL_PLAINTEXT"; },
  },
  {
    what: "a Secret rendered into production",
    expect: "a Secret in the production render",
    mutate: (o) => {
      o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "points-service-credentials", namespace: "patronage" },
        stringData: { MONGODB_URI: "mongodb://x" } });
    },
  },
  {
    what: "a service without its own MongoDB user",
    expect: "APP_USERS must give the user rewards-service its database patronage-rewards",
    mutate: (o) => {
      const data = find(o, "ConfigMap", "mongodb-bootstrap").data;
      data.APP_USERS = data.APP_USERS.replace("rewards-service=patronage-rewards", "");
    },
  },
  {
    what: "mongod without authentication",
    expect: "--keyFile",
    mutate: (o) => {
      const mongod = find(o, "StatefulSet", "mongodb").spec.template.spec.containers[0];
      mongod.args = mongod.args.filter((a) => !a.startsWith("--keyFile"));
    },
  },
  {
    what: "readiness probe on the API port",
    expect: "readinessProbe must use the management port",
    mutate: (o) => { container(o).readinessProbe.httpGet.port = "http"; },
  },
  {
    what: "a service without its management port setting",
    expect: "ENDPOINTS_ALL_PORT must be the management port",
    mutate: (o) => { delete find(o, "ConfigMap", "rewards-service").data.ENDPOINTS_ALL_PORT; },
  },
  {
    what: "a service without a management port",
    expect: "needs a container port named \"management\"",
    mutate: (o) => {
      const c = container(o, "analytics-service");
      c.ports = c.ports.filter((p) => p.name !== "management");
    },
  },
  {
    what: "the PodMonitor scraping the API port",
    expect: "not its management port",
    mutate: (o) => { find(o, "PodMonitor").spec.podMetricsEndpoints[0].port = "http"; },
  },
  {
    what: "the management port open to every namespace",
    expect: "admits the management port of Deployment patronage/points-service from beyond",
    mutate: (o) => {
      const rule = find(o, "NetworkPolicy", "points-service").spec.ingress
        .find((r) => r.ports.some((p) => p.port === 8090));
      rule.from = [{ namespaceSelector: {} }];
    },
  },
  {
    what: "the API port open to every namespace",
    expect: "admits the API port of Deployment patronage/enrollment-service from every namespace",
    mutate: (o) => { find(o, "NetworkPolicy", "enrollment-service").spec.ingress[0].from = [{ namespaceSelector: {} }]; },
  },
  {
    what: "a Service exposing the management port",
    expect: "exposes the management port",
    mutate: (o) => {
      find(o, "Service", "points-service").spec.ports.push({ name: "management", port: 8090, targetPort: "management", protocol: "TCP" });
    },
  },
  {
    what: "unknown kind",
    expect: "no schema for",
    mutate: (o) => { o.push({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "patronage" } }); },
  },
];

export async function selfTest({ prod, schemas, catalog, validateObjects }) {
  const problems = [];
  if (prod.length === 0) return { total: 0, problems: ["overlays/prod did not render, nothing to test with"] };
  for (const testCase of CASES) {
    const objects = structuredClone(prod);
    try {
      testCase.mutate(objects);
    } catch (error) {
      problems.push(`cannot apply "${testCase.what}" to overlays/prod: ${error.message} (update tools/self-test.mjs)`);
      continue;
    }
    const found = await validateObjects(objects, schemas, catalog);
    if (!found.some((message) => message.includes(testCase.expect))) {
      problems.push(`not caught: ${testCase.what} (expected a message containing ${JSON.stringify(testCase.expect)}; got ` +
        `${found.length ? JSON.stringify(found.slice(0, 3)) : "no problem at all"})`);
    }
  }
  return { total: CASES.length, problems };
}

// The same for docker-compose.yml's security (checkComposeSecurity).
const COMPOSE_CASES = [
  {
    what: "compose: an anonymous Kafka listener",
    expect: "takes anonymous clients",
    mutate: (c) => { c.services.kafka.environment.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP += ",OPEN:PLAINTEXT"; },
  },
  {
    what: "compose: ACLs not enforced",
    expect: "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND",
    mutate: (c) => { c.services.kafka.environment.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND = "true"; },
  },
  {
    what: "compose: a service logging in to Kafka as another",
    expect: "must log in as \"points-service\"",
    mutate: (c) => {
      const env = c.services["points-service"].environment;
      env.KAFKA_SASL_JAAS_CONFIG = env.KAFKA_SASL_JAAS_CONFIG.replace('username="points-service"', 'username="rewards-service"');
    },
  },
  {
    what: "compose: a Kafka password that kafka-setup does not give",
    expect: "not the one kafka-setup gives it",
    mutate: (c) => { c.services["kafka-setup"].environment.KAFKA_PASSWORD_REWARDS_SERVICE = "other"; },
  },
  {
    what: "compose: MongoDB without authentication",
    expect: "MONGODB_URI must log in as \"analytics-service\"",
    mutate: (c) => { c.services["analytics-service"].environment.MONGODB_URI = "mongodb://mongodb:27017/?replicaSet=rs0"; },
  },
];

export function composeSelfTest({ compose, aclText, check }) {
  const problems = [];
  for (const testCase of COMPOSE_CASES) {
    const copy = structuredClone(compose);
    testCase.mutate(copy);
    const found = check(copy, aclText);
    if (!found.some((message) => message.includes(testCase.expect))) {
      problems.push(`not caught: ${testCase.what} (expected a message containing ${JSON.stringify(testCase.expect)}; got ` +
        `${found.length ? JSON.stringify(found.slice(0, 3)) : "no problem at all"})`);
    }
  }
  return { total: COMPOSE_CASES.length, problems };
}
