#!/usr/bin/env python3
"""Validate Lede's API documents offline (used by `make lint`).

Checks, all without network:
  1. docs/schema/lede-v1.schema.json and docs/schema/lede-config.schema.json are valid draft 2020-12 schemas;
  2. docs/openapi.yaml is a valid OpenAPI 3.1 document, with its refs into the schema file resolved;
  3. every example in docs/schema/examples/ validates against its definition;
  4. every ```json block in docs/api.md preceded by `<!-- schema: NAME -->` validates against NAME
     (`Result` is the schema's root, anything else a $defs entry);
  5. config/lede.json validates against the config schema, and every key in it is documented in
     docs/configuration.md with its LEDE_<SECTION>_<KEY> name and its default;
  6. the bundled OpenAPI JSON the service serves is up to date with the documents.

Usage:
  scripts/validate-docs.py                 run the checks; exit 1 on any failure
  scripts/validate-docs.py --bundle FILE   also write the OpenAPI document as one JSON file with the schema
                                           inlined under components/schemas (what GET /v1/openapi.json serves)

Needs: jsonschema, openapi-spec-validator, pyyaml: scripts/setup-venv.sh scripts/requirements-test.txt,
then run it with .venv/bin/python.
"""
from __future__ import annotations

import argparse
import copy
import json
import pathlib
import re
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate as validate_openapi
    from referencing import Registry, Resource
except ImportError as error:  # pragma: no cover
    sys.exit(f"validate-docs: missing Python package ({error.name}); run: "
             "scripts/setup-venv.sh scripts/requirements-test.txt, then .venv/bin/python scripts/validate-docs.py")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs/schema/lede-v1.schema.json"
CONFIG_SCHEMA = ROOT / "docs/schema/lede-config.schema.json"
OPENAPI = ROOT / "docs/openapi.yaml"
EXAMPLES = ROOT / "docs/schema/examples"
API_MD = ROOT / "docs/api.md"
CONFIG = ROOT / "config/lede.json"
CONFIG_MD = ROOT / "docs/configuration.md"
SCHEMA_URI = "urn:lede:schema:v1"

# example file -> definition ("Result" = the schema's root)
EXAMPLE_DEFINITIONS = {
    "result.json": "Result",
    "request.json": "ExtractRequest",
    "error.json": "Error",
    "error-upstream.json": "Error",
    "version.json": "Version",
    "batch-item-error.json": "BatchItemError",
}


class Checks:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.passed = 0

    def ok(self) -> None:
        self.passed += 1

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{where}: {message}")


def load_json(path: pathlib.Path, checks: Checks):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        checks.fail(str(path.relative_to(ROOT)), f"cannot read JSON: {error}")
        return None


def result_validator(schema: dict, definition: str) -> Draft202012Validator:
    registry = Registry().with_resource(SCHEMA_URI, Resource.from_contents(schema))
    ref = SCHEMA_URI if definition == "Result" else f"{SCHEMA_URI}#/$defs/{definition}"
    return Draft202012Validator({"$ref": ref}, registry=registry)


def check_instance(schema: dict, definition: str, instance, where: str, checks: Checks) -> None:
    if definition != "Result" and definition not in schema.get("$defs", {}):
        checks.fail(where, f"the schema has no $defs/{definition}")
        return
    errors = sorted(result_validator(schema, definition).iter_errors(instance), key=lambda e: list(e.path))
    if not errors:
        checks.ok()
    for error in errors:
        pointer = "/" + "/".join(str(p) for p in error.path)
        checks.fail(where, f"{pointer}: {error.message[:200]}")


def check_schemas(checks: Checks):
    schemas = []
    for path in (SCHEMA, CONFIG_SCHEMA):
        schema = load_json(path, checks)
        if schema is None:
            schemas.append(None)
            continue
        try:
            Draft202012Validator.check_schema(schema)
            checks.ok()
        except Exception as error:  # jsonschema.SchemaError
            checks.fail(str(path.relative_to(ROOT)), f"not a valid draft 2020-12 schema: {error.message}")
        schemas.append(schema)
    return schemas


def check_openapi(checks: Checks):
    try:
        spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
        validate_openapi(spec, base_uri=OPENAPI.as_uri())
        checks.ok()
        return spec
    except Exception as error:
        message = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        checks.fail("docs/openapi.yaml", f"{type(error).__name__}: {message}")
        return None


def check_examples(schema: dict, checks: Checks) -> None:
    for name, definition in EXAMPLE_DEFINITIONS.items():
        instance = load_json(EXAMPLES / name, checks)
        if instance is not None:
            check_instance(schema, definition, instance, f"docs/schema/examples/{name}", checks)
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name not in EXAMPLE_DEFINITIONS:
            checks.fail(str(path.relative_to(ROOT)), "example with no definition in validate-docs.py")


def check_api_md(schema: dict, checks: Checks) -> None:
    if not API_MD.exists():
        checks.fail("docs/api.md", "missing")
        return
    text = API_MD.read_text(encoding="utf-8")
    blocks = re.findall(r"<!--\s*schema:\s*(\w+)\s*-->\s*```json\n(.*?)```", text, re.S)
    if not blocks:
        checks.fail("docs/api.md", "no `<!-- schema: NAME -->` json example found")
    for definition, body in blocks:
        try:
            instance = json.loads(body)
        except ValueError as error:
            checks.fail("docs/api.md", f"{definition} example is not JSON: {error}")
            continue
        check_instance(schema, definition, instance, f"docs/api.md ({definition} example)", checks)


def check_config(config_schema: dict, checks: Checks) -> None:
    config = load_json(CONFIG, checks)
    if config is None:
        return
    errors = list(Draft202012Validator(config_schema).iter_errors(config))
    for error in errors:
        checks.fail("config/lede.json", f"/{'/'.join(map(str, error.path))}: {error.message}")
    if not errors:
        checks.ok()
    documented = CONFIG_MD.read_text(encoding="utf-8") if CONFIG_MD.exists() else ""
    if not documented:
        checks.fail("docs/configuration.md", "missing")
        return
    schema_keys = {(s, k) for s, sec in config_schema["properties"].items() for k in sec["properties"]}
    file_keys = {(s, k) for s, sec in config.items() for k in sec}
    for section, key in sorted(schema_keys ^ file_keys):
        checks.fail("config/lede.json", f"{section}.{key} is in only one of config/lede.json and the config schema")
    for section, value in config.items():
        for key, default in value.items():
            env = f"LEDE_{section}_{key}".upper()
            row = next((line for line in documented.splitlines() if f"`{key}`" in line and env in line), None)
            if row is None:
                checks.fail("docs/configuration.md", f"no table row for {section}.{key} naming `{key}` and {env}")
                continue
            shown = json.dumps(default, ensure_ascii=False)
            if f"`{shown}`" not in row:
                checks.fail("docs/configuration.md", f"{section}.{key}: default {shown} not shown in its row")
                continue
            checks.ok()


def bundle(spec: dict, schema: dict) -> dict:
    """The OpenAPI document with the schema file inlined under components/schemas."""
    out = copy.deepcopy(spec)
    schemas = out.setdefault("components", {}).setdefault("schemas", {})
    root = {k: v for k, v in copy.deepcopy(schema).items() if k not in ("$defs", "$schema")}
    defs = copy.deepcopy(schema.get("$defs", {}))
    for name in defs:
        if name in schemas or name == "Result":
            raise SystemExit(f"validate-docs: cannot bundle, component name clash: {name}")
    schemas["Result"] = root
    schemas.update(defs)

    def rewrite(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                path, _, fragment = ref.partition("#")
                if path.endswith("lede-v1.schema.json") or path == "":
                    if fragment in ("", "/"):
                        node["$ref"] = "#/components/schemas/Result"
                    elif fragment.startswith("/$defs/"):
                        node["$ref"] = "#/components/schemas/" + fragment[len("/$defs/"):]
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    # Refs inside the schema are relative to the schema file; refs in the spec name the file.
    rewrite(schemas["Result"])
    for name in defs:
        rewrite(schemas[name])
    rewrite({k: v for k, v in out.items() if k != "components"})
    for key, section in out["components"].items():
        if key != "schemas":
            rewrite(section)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", metavar="FILE", help="write the bundled OpenAPI JSON to FILE")
    args = parser.parse_args()

    checks = Checks()
    schema, config_schema = check_schemas(checks)
    spec = check_openapi(checks)
    if schema is not None:
        check_examples(schema, checks)
        check_api_md(schema, checks)
    if config_schema is not None:
        check_config(config_schema, checks)

    if args.bundle and spec is not None and schema is not None:
        bundled = bundle(spec, schema)
        try:
            validate_openapi(bundled)
            checks.ok()
        except Exception as error:
            checks.fail("bundle", f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
        pathlib.Path(args.bundle).write_text(json.dumps(bundled, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif spec is not None and schema is not None:
        # The service serves the committed bundle: it must be what the documents bundle to now.
        served = ROOT / "Sources/LedeService/Resources/openapi.json"
        fresh = json.dumps(bundle(spec, schema), indent=2, ensure_ascii=False) + "\n"
        if served.read_text(encoding="utf-8") == fresh:
            checks.ok()
        else:
            checks.fail(str(served.relative_to(ROOT)), "stale: run scripts/validate-docs.py --bundle " + str(served.relative_to(ROOT)))

    for failure in checks.failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"validate-docs: {checks.passed} checks passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
