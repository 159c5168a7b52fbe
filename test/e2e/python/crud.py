#!/usr/bin/python3
"""Drives kubesim with the Python `kubernetes` client; prints one JSON line per check.

Usage: /usr/bin/python3 crud.py KUBECONFIG NAMESPACE
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

config.load_kube_config(config_file=sys.argv[1])
ns = sys.argv[2]
core = client.CoreV1Api()
apps = client.AppsV1Api()


def report(name, value):
    print(json.dumps({"check": name, "value": value}), flush=True)


def status_of(fn):
    try:
        fn()
        return 0
    except ApiException as e:
        return e.status


core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=ns)))

# pods
pod = client.V1Pod(metadata=client.V1ObjectMeta(name="web", labels={"app": "web"}),
                   spec=client.V1PodSpec(containers=[client.V1Container(name="c", image="nginx:1.27")]))
created = core.create_namespaced_pod(ns, pod)
report("pod.created", {"name": created.metadata.name, "uid": bool(created.metadata.uid),
                       "phase": created.status.phase})
read = core.read_namespaced_pod("web", ns)
read.metadata.labels["tier"] = "front"
replaced = core.replace_namespaced_pod("web", ns, read)
report("pod.replaced.labels", replaced.metadata.labels)
patched = core.patch_namespaced_pod("web", ns, {"metadata": {"annotations": {"note": "hi"}}})
report("pod.patched.annotations", patched.metadata.annotations)
report("pod.list", [p.metadata.name for p in core.list_namespaced_pod(ns, label_selector="app=web").items])

# errors
report("error.404", status_of(lambda: core.read_namespaced_pod("missing", ns)))
report("error.409.exists", status_of(lambda: core.create_namespaced_pod(ns, pod)))
stale = core.read_namespaced_pod("web", ns)
stale.metadata.resource_version = created.metadata.resource_version
report("error.409.stale", status_of(lambda: core.replace_namespaced_pod("web", ns, stale)))
bad = client.V1Pod(metadata=client.V1ObjectMeta(name="Bad_Name"),
                   spec=client.V1PodSpec(containers=[client.V1Container(name="c", image="x")]))
report("error.422", status_of(lambda: core.create_namespaced_pod(ns, bad)))

# services
svc = client.V1Service(metadata=client.V1ObjectMeta(name="web"),
                       spec=client.V1ServiceSpec(selector={"app": "web"},
                                                 ports=[client.V1ServicePort(port=80, target_port=8080)]))
core.create_namespaced_service(ns, svc)
s = core.read_namespaced_service("web", ns)
report("service.read", {"port": s.spec.ports[0].port, "targetPort": s.spec.ports[0].target_port})
core.patch_namespaced_service("web", ns, {"metadata": {"labels": {"x": "y"}}})
report("service.list", [x.metadata.name for x in core.list_namespaced_service(ns).items])
core.delete_namespaced_service("web", ns)
report("service.deleted", status_of(lambda: core.read_namespaced_service("web", ns)))

# deployments
dep = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="api"),
    spec=client.V1DeploymentSpec(
        replicas=2, selector=client.V1LabelSelector(match_labels={"app": "api"}),
        template=client.V1PodTemplateSpec(metadata=client.V1ObjectMeta(labels={"app": "api"}),
                                          spec=client.V1PodSpec(containers=[client.V1Container(name="c", image="api:1")]))))
d = apps.create_namespaced_deployment(ns, dep)
report("deployment.created.generation", d.metadata.generation)
apps.patch_namespaced_deployment_scale("api", ns, {"spec": {"replicas": 4}})
report("deployment.scaled", apps.read_namespaced_deployment_scale("api", ns).spec.replicas)
d2 = apps.read_namespaced_deployment("api", ns)
report("deployment.generation.after.scale", d2.metadata.generation)
apps.delete_namespaced_deployment("api", ns)
report("deployment.deleted", status_of(lambda: apps.read_namespaced_deployment("api", ns)))

# a watch sees a pod's deletion
rv = core.list_namespaced_pod(ns).metadata.resource_version
core.delete_namespaced_pod("web", ns, body=client.V1DeleteOptions(grace_period_seconds=0))
seen = []
w = watch.Watch()
for ev in w.stream(core.list_namespaced_pod, ns, resource_version=rv, timeout_seconds=10):
    seen.append([ev["type"], ev["object"].metadata.name])
    if ev["type"] == "DELETED":
        w.stop()
report("watch.events", seen)
