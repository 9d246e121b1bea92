#!/usr/bin/python3
"""Check recorded HTTP exchanges against an OpenAPI 3.0 description.

Usage: validate_openapi.py OPENAPI_JSON EXCHANGES_JSONL

Each line of EXCHANGES_JSONL is one exchange as hcloud-sim writes it:
  {"method": "POST", "path": "/servers", "query": "...", "status": 201,
   "requestBody": "<text>", "responseBody": "<text>", "responseContentType": "application/json"}
with `path` relative to the API base (no /v1 prefix).

For every exchange the operation is found by matching the path templates of the description, the request
body is checked against the operation's requestBody schema and the response body against the schema for
its status (exact, then 4xx/5xx ranges, then `default`). Prints one line per violation and exits 1 if there
is any; otherwise prints a summary line and exits 0.

OpenAPI 3.0 is not JSON Schema: `nullable: true` has to become a null type, a `$ref` with siblings must be
wrapped so the siblings are not silently dropped, and boolean exclusiveMinimum/Maximum become numbers.
"""

import copy
import json
import re
import sys

import jsonschema


def convert(node):
    """Rewrite an OpenAPI 3.0 schema tree into draft-7 JSON Schema, in place where possible."""
    if isinstance(node, list):
        return [convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: convert(value) for key, value in node.items()}
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), bool):
            if out[bound] and limit in out:
                out[bound] = out.pop(limit)
            else:
                del out[bound]
    if out.pop("nullable", False) is True:
        if "$ref" in out or "type" not in out:
            # $ref ignores its siblings in draft 7, and a schema without a type (allOf/oneOf/...) cannot take
            # "null" in its type list: accept null next to the original schema instead.
            return {"anyOf": [out, {"type": "null"}]}
        if isinstance(out["type"], list):
            if "null" not in out["type"]:
                out["type"] = out["type"] + ["null"]
        else:
            out["type"] = [out["type"], "null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
    return out


def apply_documented_deviations(document):
    """Corrects the schema where its own prose contradicts its types; each change is stated here.

    create_server_request.ssh_keys: the description says "SSH key IDs (`integer`) or names (`string`)", and
    hcloud-go sends integer ids, but the items are typed as string only.
    """
    schemas = document.get("components", {}).get("schemas", {})
    ssh_keys = schemas.get("create_server_request", {}).get("properties", {}).get("ssh_keys")
    if ssh_keys is not None:
        ssh_keys["items"] = {"type": ["integer", "string"]}
    return document


class Spec:
    def __init__(self, document):
        self.document = convert(apply_documented_deviations(copy.deepcopy(document)))
        self.resolver = jsonschema.RefResolver.from_schema(self.document)
        self.templates = []
        for template, item in self.document.get("paths", {}).items():
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
            # Literal templates beat parameterised ones (/servers/{id} vs /servers/actions).
            literal_chars = len(re.sub(r"\{[^}]+\}", "", template))
            self.templates.append((re.compile(pattern), literal_chars, template, item))
        self.templates.sort(key=lambda entry: -entry[1])

    def operation(self, path, method):
        for pattern, _, template, item in self.templates:
            if pattern.match(path):
                return template, item.get(method.lower())
        return None, None

    @staticmethod
    def response_for(operation, status):
        responses = operation.get("responses", {})
        for key in (str(status), str(status)[0] + "xx", str(status)[0] + "XX", "default"):
            if key in responses:
                return responses[key]
        return None

    def errors(self, schema, instance):
        validator = jsonschema.Draft7Validator(schema, resolver=self.resolver)
        return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


def json_schema_of(content_holder):
    content = (content_holder or {}).get("content", {})
    media = content.get("application/json")
    return media.get("schema") if media else None


def describe(error):
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    message = error.message
    if len(message) > 300:
        message = message[:300] + "..."
    return "at %s: %s" % (where, message)


def check(spec, exchange):
    method = exchange.get("method", "")
    path = exchange.get("path", "")
    status = int(exchange.get("status", 0))
    label = "%s %s -> %s" % (method, path, status)
    if path.startswith("/__sim"):
        return []
    if status == 0:
        return []  # the connection was dropped on purpose: there is no response to check
    template, operation = spec.operation(path, method)
    if template is None:
        return ["%s: unknown path" % label]
    if operation is None:
        return ["%s: method not in the description of %s" % (label, template)]

    problems = []
    request_text = exchange.get("requestBody") or ""
    request_schema = json_schema_of(operation.get("requestBody"))
    if request_text.strip() and request_schema is not None:
        try:
            request = json.loads(request_text)
        except ValueError:
            request = None  # a deliberately broken body is the API's business (json_error), not the spec's
        if request is not None and status < 400:
            # Only accepted requests must match; rejecting invalid ones is the point of validation.
            for error in spec.errors(request_schema, request):
                problems.append("%s: request body %s" % (label, describe(error)))

    response = spec.response_for(operation, status)
    if response is None:
        problems.append("%s: status not documented for %s %s" % (label, method, template))
        return problems
    if status == 204:
        return problems
    content_type = (exchange.get("responseContentType") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return problems
    response_schema = json_schema_of(response)
    if response_schema is None:
        problems.append("%s: JSON body where the description has none" % label)
        return problems
    try:
        body = json.loads(exchange.get("responseBody") or "")
    except ValueError as error:
        problems.append("%s: response is not JSON (%s)" % (label, error))
        return problems
    for error in spec.errors(response_schema, body):
        problems.append("%s: response body %s" % (label, describe(error)))
    return problems


def main(argv):
    if len(argv) != 3:
        print("usage: validate_openapi.py OPENAPI_JSON EXCHANGES_JSONL", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        spec = Spec(json.load(handle))
    violations = []
    count = 0
    with open(argv[2], encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            count += 1
            try:
                exchange = json.loads(line)
            except ValueError as error:
                violations.append("line %d: not JSON (%s)" % (number, error))
                continue
            violations.extend(check(spec, exchange))
    for violation in violations:
        print(violation)
    if violations:
        return 1
    print("OK: %d exchanges conform to %s" % (count, argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
