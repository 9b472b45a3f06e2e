// Validates every resource of a rendered kustomization (read from stdin) against the Kubernetes and
// Strimzi schemas bundled in kubernetes-models, offline. Exits 1 on the first invalid resource or on
// a kind it has no schema for. Usage: kubectl kustomize deploy/k8s | node validate.mjs
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "kafka.strimzi.io/v1beta2": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2",
};

const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let failures = 0;
for (const doc of docs) {
  const name = `${doc.kind}/${doc.metadata?.name}`;
  const path = modules[doc.apiVersion];
  if (!path) {
    console.error(`${name}: no schema for apiVersion ${doc.apiVersion}`);
    failures++;
    continue;
  }
  const models = await import(path);
  const Model = models[doc.kind];
  if (!Model) {
    console.error(`${name}: no schema for kind ${doc.kind} in ${doc.apiVersion}`);
    failures++;
    continue;
  }
  try {
    new Model(doc).validate();
    console.log(`ok   ${doc.apiVersion} ${name}`);
  } catch (e) {
    console.error(`FAIL ${doc.apiVersion} ${name}: ${e.message}`);
    failures++;
  }
}
console.log(`${docs.length - failures} of ${docs.length} resources valid`);
process.exit(failures === 0 && docs.length > 0 ? 0 : 1);
