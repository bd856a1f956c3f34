// Structural JSON Schemas for the Strimzi kafka.strimzi.io/v1 resources Patronage uses: Kafka,
// KafkaNodePool, KafkaTopic, KafkaUser.
//
// Strimzi publishes its CRDs only with its release archives (not on npm or Maven Central), so
// these schemas are written by hand from the Strimzi API reference (v1 = v1beta2 without the
// fields deprecated before 1.0). They cover the subset of the API that Patronage manifests use,
// with the field names, types, enums and required fields of the CRDs:
//   * every field of an object with "properties" must be one of them (validate.mjs reports
//     unknown fields, like kubeconform -strict);
//   * objects declared only as {type: "object"} (Kafka broker config, topic config, templates we do
//     not use, ...) are left open, as the CRDs do with x-kubernetes-preserve-unknown-fields;
//   * {k8s: "<schema>"} delegates a sub-tree to the Kubernetes OpenAPI schema of that name from
//     kubernetes-models (affinity, tolerations, ObjectMeta, ...).
// Using a field not listed here fails validation: check it in the Strimzi API reference for v1,
// then add it.

const string = { type: "string" };
const boolean = { type: "boolean" };
const integer = { type: "integer" };
const open = { type: "object" };
const stringMap = { type: "object", additionalProperties: string };
const quantityPattern =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
const quantity = { anyOf: [integer, { type: "string", pattern: quantityPattern }] };

const metadataTemplate = {
  type: "object",
  properties: { labels: stringMap, annotations: stringMap },
};

const resources = {
  type: "object",
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
    claims: { type: "array", items: { type: "object", properties: { name: string } } },
  },
};

const heapSize = { type: "string", pattern: "^[0-9]+[mMgG]?$" };
const jvmOptions = {
  type: "object",
  properties: {
    "-Xms": heapSize,
    "-Xmx": heapSize,
    "-XX": stringMap,
    gcLoggingEnabled: boolean,
    javaSystemProperties: {
      type: "array",
      items: { type: "object", properties: { name: string, value: string } },
    },
  },
};

const probe = {
  type: "object",
  properties: {
    initialDelaySeconds: { type: "integer", minimum: 0 },
    timeoutSeconds: { type: "integer", minimum: 1 },
    periodSeconds: { type: "integer", minimum: 1 },
    successThreshold: { type: "integer", minimum: 1 },
    failureThreshold: { type: "integer", minimum: 1 },
  },
};

const podTemplate = {
  type: "object",
  properties: {
    metadata: metadataTemplate,
    imagePullSecrets: { type: "array", items: { k8s: "IoK8sApiCoreV1LocalObjectReference" } },
    securityContext: { k8s: "IoK8sApiCoreV1PodSecurityContext" },
    terminationGracePeriodSeconds: { type: "integer", minimum: 0 },
    affinity: { k8s: "IoK8sApiCoreV1Affinity" },
    tolerations: { type: "array", items: { k8s: "IoK8sApiCoreV1Toleration" } },
    topologySpreadConstraints: { type: "array", items: { k8s: "IoK8sApiCoreV1TopologySpreadConstraint" } },
    priorityClassName: string,
    schedulerName: string,
    hostAliases: { type: "array", items: { k8s: "IoK8sApiCoreV1HostAlias" } },
    dnsPolicy: { enum: ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"] },
    dnsConfig: { k8s: "IoK8sApiCoreV1PodDNSConfig" },
    enableServiceLinks: boolean,
    tmpDirSizeLimit: { type: "string", pattern: quantityPattern },
    volumes: open,
  },
};

const containerTemplate = {
  type: "object",
  properties: {
    env: { type: "array", items: open },
    securityContext: { k8s: "IoK8sApiCoreV1SecurityContext" },
    volumeMounts: { type: "array", items: { k8s: "IoK8sApiCoreV1VolumeMount" } },
  },
};

const storageVolumeProperties = {
  id: { type: "integer", minimum: 0 },
  type: { enum: ["ephemeral", "persistent-claim"] },
  size: string,
  sizeLimit: { type: "string", pattern: "^([0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$" },
  class: string,
  deleteClaim: boolean,
  kraftMetadata: { enum: ["shared"] },
  selector: stringMap,
};

const storage = {
  type: "object",
  required: ["type"],
  properties: {
    ...storageVolumeProperties,
    type: { enum: ["ephemeral", "persistent-claim", "jbod"] },
    volumes: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["type"], properties: storageVolumeProperties },
    },
  },
};

const listener = {
  type: "object",
  required: ["name", "port", "type", "tls"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
    port: { type: "integer", minimum: 9092 },
    type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
    tls: boolean,
    authentication: {
      type: "object",
      required: ["type"],
      properties: {
        type: { enum: ["tls", "scram-sha-512", "custom"] },
        // custom authentication (OAuth, ...): left open as the CRD does
        sasl: boolean,
        listenerConfig: open,
        secrets: { type: "array", items: open },
      },
    },
    configuration: open,
    networkPolicyPeers: { type: "array", items: { k8s: "IoK8sApiNetworkingV1NetworkPolicyPeer" } },
  },
};

const entityOperatorComponent = {
  type: "object",
  properties: {
    watchedNamespace: string,
    image: string,
    reconciliationIntervalMs: { type: "integer", minimum: 0 },
    resources,
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
    jvmOptions,
    logging: open,
  },
};

function resource(kind, spec) {
  return {
    type: "object",
    required: ["apiVersion", "kind", "metadata", "spec"],
    properties: {
      apiVersion: { const: "kafka.strimzi.io/v1" },
      kind: { const: kind },
      metadata: { k8s: "IoK8sApimachineryPkgApisMetaV1ObjectMeta" },
      spec,
      status: open,
    },
  };
}

export const strimziSchemas = {
  "kafka.strimzi.io/v1/Kafka": resource("Kafka", {
    type: "object",
    required: ["kafka"],
    properties: {
      kafka: {
        type: "object",
        required: ["listeners"],
        properties: {
          version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" },
          metadataVersion: { type: "string", pattern: "^[0-9]+\\.[0-9]+(-IV[0-9]+)?$" },
          image: string,
          listeners: { type: "array", minItems: 1, items: listener },
          config: open,
          authorization: {
            type: "object",
            required: ["type"],
            properties: {
              type: { enum: ["simple", "custom"] },
              superUsers: { type: "array", items: string },
              authorizerClass: string,
              supportsAdminApi: boolean,
            },
          },
          rack: { type: "object", required: ["topologyKey"], properties: { topologyKey: string } },
          brokerRackInitImage: string,
          livenessProbe: probe,
          readinessProbe: probe,
          jvmOptions,
          jmxOptions: open,
          resources,
          metricsConfig: open,
          logging: open,
          template: {
            type: "object",
            properties: {
              pod: podTemplate,
              kafkaContainer: containerTemplate,
              initContainer: containerTemplate,
              podSet: { type: "object", properties: { metadata: metadataTemplate } },
              bootstrapService: open,
              brokersService: open,
              externalBootstrapService: open,
              perPodService: open,
              externalBootstrapRoute: open,
              perPodRoute: open,
              externalBootstrapIngress: open,
              perPodIngress: open,
              persistentVolumeClaim: open,
              podDisruptionBudget: open,
              clusterCaCert: open,
              serviceAccount: open,
              jmxSecret: open,
              clusterRoleBinding: open,
            },
          },
          tieredStorage: open,
          quotas: open,
        },
      },
      entityOperator: {
        type: "object",
        properties: {
          topicOperator: entityOperatorComponent,
          userOperator: entityOperatorComponent,
          template: open,
        },
      },
      clusterCa: open,
      clientsCa: open,
      cruiseControl: open,
      kafkaExporter: open,
      maintenanceTimeWindows: { type: "array", items: string },
    },
  }),

  "kafka.strimzi.io/v1/KafkaNodePool": resource("KafkaNodePool", {
    type: "object",
    required: ["replicas", "roles", "storage"],
    properties: {
      replicas: { type: "integer", minimum: 0 },
      roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["controller", "broker"] } },
      storage,
      resources,
      jvmOptions,
      template: {
        type: "object",
        properties: {
          pod: podTemplate,
          kafkaContainer: containerTemplate,
          initContainer: containerTemplate,
          podSet: { type: "object", properties: { metadata: metadataTemplate } },
          perPodService: open,
          perPodRoute: open,
          perPodIngress: open,
          persistentVolumeClaim: open,
        },
      },
    },
  }),

  "kafka.strimzi.io/v1/KafkaTopic": resource("KafkaTopic", {
    type: "object",
    properties: {
      partitions: { type: "integer", minimum: 1 },
      replicas: { type: "integer", minimum: 1, maximum: 32767 },
      config: {
        type: "object",
        additionalProperties: { type: ["string", "integer", "number", "boolean"] },
      },
      topicName: string,
    },
  }),

  "kafka.strimzi.io/v1/KafkaUser": resource("KafkaUser", {
    type: "object",
    properties: {
      authentication: {
        type: "object",
        required: ["type"],
        properties: {
          type: { enum: ["tls", "tls-external", "scram-sha-512"] },
          password: open,
        },
      },
      authorization: {
        type: "object",
        required: ["type", "acls"],
        properties: {
          type: { enum: ["simple"] },
          acls: {
            type: "array",
            items: {
              type: "object",
              required: ["resource", "operations"],
              properties: {
                resource: {
                  type: "object",
                  required: ["type"],
                  properties: {
                    type: { enum: ["topic", "group", "cluster", "transactionalId"] },
                    name: string,
                    patternType: { enum: ["literal", "prefix"] },
                  },
                },
                type: { enum: ["allow", "deny"] },
                host: string,
                operations: {
                  type: "array",
                  minItems: 1,
                  items: {
                    enum: ["Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs",
                      "DescribeConfigs", "IdempotentWrite", "All"],
                  },
                },
              },
            },
          },
        },
      },
      quotas: open,
      template: open,
    },
  }),
};
