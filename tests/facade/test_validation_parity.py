"""The fast validator (jsonschema_rs) and the reference one (jsonschema) give the same verdicts,
and the lean create path sends the bytes the generated model would have sent.

Every schema the facade validates is covered: each provider's create body and each webhook
event schema (the spec's ``webhooks``). The bodies are every example in the curated spec that
uses the schema, every test profile (its request's body, its expected body, its documented
statuses) and systematic mutations of all of them: each field and nested value dropped, made
null, given a value of every other type, pushed past its bounds, lengthened, emptied, given
every value the spec names for a field of that name (enums, consts, examples, defaults, the
bounds and one past them) and every URI of a catalogue; fields the object lacks added, two at a
time where the spec makes them exclusive or dependent; unknown fields added. Hypothesis then
draws further bodies from the same vocabulary, field by field.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import seedance
from seedance import InvalidRequestError, JobStatus, SeedanceClient, SeedanceError, VideoRequest
from seedance._spec import FORMATS, SchemaCheck, _compile_fast, _plain
from seedance.adapters import adapter, provider_names
from seedance.adapters._base import WireBody
from support.follow_up import follow_up_route

from .conftest import PROFILES
from .profiles._profile import Profile

PROVIDERS = provider_names()

# URIs whose verdicts differ between checkers: RFC 3986 as rfc3986-validator reads it (a
# trailing newline passes its `$`; jsonschema_rs's own `uri` check refuses it), IRIs, spaces,
# bad escapes, odd schemes, IPv6 literals, ports, relative references.
URIS = [
    "https://example.com/a.png",
    "https://example.com/a.png\n",
    "HTTPS://EXAMPLE.COM/A.PNG",
    "http://exa mple.com/",
    "http://例え.jp/",
    "https://example.com/ü.png",
    "http://[::1]:80/",
    "http://[::1",
    "http://[fe80::1%25eth0]/",
    "http://[v1.x]/",
    "http://x:abc/",
    "http://x:99999999999/",
    "http://x/%zz",
    "http://x/%41",
    "http://%41.com/",
    "http://user@host/",
    "http://256.256.256.256/",
    "http://x/{a}",
    "http://x/a|b",
    "http://x/a\\b",
    "http://x/?a=[1]",
    "http://x/#a[b]",
    "http://x#f#f",
    "http://x/y?q=a b",
    "//no-scheme/a.png",
    "/v1/files/abc.png",
    "/relative",
    "relative.png",
    "#fragment",
    "?query",
    "a:b",
    "h+t-t.p://x",
    "1http://x",
    "http:",
    "http:x",
    ":",
    "",
    "https://",
    "mailto:a@example.com",
    "urn:isbn:0451450523",
    "file:///etc/passwd",
    "data:image/png;base64,iVBORw0KGgo=",
    "asset://abc",
    "Asset://abc",
    "ftp://example.com/a.mp4",
]
STRINGS = ["", " ", "x", "\n", "é", "\u0663", "\U0001f600", "a" * 5000, "null", "0", "true"]
NUMBERS: list[Any] = [
    0, -1, 1, 2, 3, 4, 5, 15, 16, 29, 33, 289, 290, 2**31 - 1, 2**31, 2**32, 2**53 + 1,
    2**63 - 1, 2**63, 2**64 + 1, -(2**63) - 1, 0.5, 5.0, -0.0, 1e20, 1e308,
]  # fmt: skip
# Values that are not JSON as json.loads makes it: the fast validator reads some of them
# differently (a tuple as an array, NaN as no number), so they go to the reference.
NOT_PLAIN: list[Any] = [(1, 2), float("nan"), float("inf"), 2.0**60, {1, 2}, b"x", object()]


# --- what is validated, and the bodies to validate --------------------------------------------
@cache
def checks() -> list[tuple[str, str, SchemaCheck]]:
    """(provider, label, check) for every schema the facade validates."""
    found = []
    for provider in PROVIDERS:
        chosen = adapter(provider)
        spec = chosen.spec
        found.append((provider, chosen.create_operation, spec.body_check(chosen.create_operation)))
        for webhook in spec.document.get("webhooks", {}).values():
            content = webhook["post"]["requestBody"]["content"]["application/json"]
            name = content["schema"]["$ref"].rsplit("/", 1)[1]
            found.append((provider, f"webhook {name}", spec.schema_check(name)))
    return found


def check_ids() -> list[str]:
    return [f"{provider}-{label}" for provider, label, _ in checks()]


def _target_schema(check: SchemaCheck) -> tuple[str | None, dict[str, Any]]:
    """The named schema a check validates against (its ``$ref``), and that schema."""
    node: Any = check.spec.document
    for token in check.pointer.strip("/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    ref = node.get("$ref")
    if ref is None:
        return None, node
    name = ref.rsplit("/", 1)[1]
    return name, check.spec.schema(name)


def _walk(node: Any) -> Iterator[Any]:
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def spec_examples(check: SchemaCheck) -> list[Any]:
    """Every example of the check's schema in the spec: its own, and those of every media type
    (request, response, webhook) that uses it."""
    name, schema = _target_schema(check)
    found = list(schema.get("examples", []))
    if "example" in schema:
        found.append(schema["example"])
    ref = None if name is None else f"#/components/schemas/{name}"
    for node in _walk(check.spec.document):
        schema_of = node.get("schema") if isinstance(node, dict) else None
        if isinstance(schema_of, dict) and schema_of.get("$ref") == ref:
            if "example" in node:
                found.append(node["example"])
            found += [item["value"] for item in node.get("examples", {}).values()]
    return found


def profile_bodies(provider: str, label: str) -> list[Any]:
    profile = next((each for each in PROFILES if each.provider == provider), None)
    if profile is None:
        return []
    if label.startswith("webhook"):
        return [dict(case.body) for case in profile.statuses] + [dict(profile.succeeded)]
    chosen = adapter(provider)
    request = profile.request
    body = chosen.create_body(request, chosen.capabilities.check(request))
    body |= dict(request.extras)
    return [json.loads(json.dumps(body)), dict(profile.expected_body), *capability_bodies(provider)]


def capability_bodies(provider: str) -> list[Any]:
    """The create body of a full request for every model the provider lists: each field the
    model takes, at its last allowed value (frames and references in separate requests); one
    body per shape (the mutations give every other model id to each)."""
    chosen = adapter(provider)
    found: dict[str, Any] = {}
    for model, allowed in chosen.capabilities.models.items():
        fields: dict[str, Any] = {"prompt": "a cat cooking pasta", "model": model}
        for name, values in (
            ("duration", allowed.durations),
            ("resolution", allowed.resolutions),
            ("aspect_ratio", allowed.aspect_ratios),
        ):
            if values:
                fields[name] = values[-1]
        if allowed.seed:
            fields["seed"] = allowed.seed[1]
        for flag in ("generate_audio", "watermark", "draft"):
            if getattr(allowed, flag):
                fields[flag] = True
        if allowed.negative_prompt:
            fields["negative_prompt"] = "blurry"
        if allowed.webhook_url:
            fields["webhook_url"] = "https://hooks.example.com/x"
        references = {
            f"reference_{kind}": ["https://example.com/r.png"] * min(2, limit)
            for kind in ("images", "videos", "audios")
            if (limit := getattr(allowed, f"max_reference_{kind}"))
        }
        frames = {"first_frame": "https://example.com/first.png"} if allowed.first_frame else {}
        if frames and allowed.last_frame:
            frames["last_frame"] = "https://example.com/last.png"
        for extra in (references, frames, {}):
            request = VideoRequest(**fields, **extra)
            try:
                body = chosen.create_body(request, chosen.capabilities.check(request))
            except SeedanceError:
                continue
            found.setdefault(json.dumps(_shape(body)), body)
    return list(found.values())


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


@cache
def vocabulary(provider: str) -> dict[str, list[Any]]:
    """For each property name in the provider's spec, the values the spec names for it."""
    found: dict[str, list[Any]] = {}
    for node in _walk(adapter(provider).spec.document):
        if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
            continue
        for name, prop in node["properties"].items():
            if not isinstance(prop, dict):
                continue
            values = found.setdefault(name, [])
            values += prop.get("enum", [])
            values += prop.get("examples", [])
            for key in ("const", "default", "example"):
                if key in prop:
                    values.append(prop[key])
            for key, step in (("minimum", -1), ("maximum", 1)):
                if isinstance(prop.get(key), int | float):
                    values += [prop[key], prop[key] + step]
            for key in ("minItems", "maxItems", "minLength", "maxLength"):
                if isinstance(prop.get(key), int):
                    size = prop[key] + (1 if key.startswith("max") else -1)
                    unit: Any = "x" if key.endswith("Length") else "https://example.com/a.png"
                    if size >= 0:
                        values.append(unit * size if key.endswith("Length") else [unit] * size)
    return {name: _unique(values) for name, values in found.items()}


@cache
def pairs(provider: str) -> list[tuple[str, ...]]:
    """Fields the spec makes exclusive (``not: required``) or dependent (``dependentRequired``)."""
    found: set[tuple[str, ...]] = set()
    for node in _walk(adapter(provider).spec.document):
        if not isinstance(node, dict):
            continue
        excluded = node.get("not")
        if isinstance(excluded, dict) and isinstance(excluded.get("required"), list):
            found.add(tuple(excluded["required"]))
        for name, needs in (node.get("dependentRequired") or {}).items():
            found.add((name, *needs))
    return sorted(found)


def _unique(values: list[Any]) -> list[Any]:
    seen, kept = set(), []
    for value in values:
        key = json.dumps(value, sort_keys=True, default=repr)
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def _set(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copied = copy.deepcopy(body)
    node = copied
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copied


def _drop(body: Any, path: tuple[Any, ...]) -> Any:
    copied = copy.deepcopy(body)
    node = copied
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return copied


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, (*path, index))


def mutations(seed: Any, provider: str, fields: list[str]) -> Iterator[Any]:
    """Systematic mutations of *seed* (see the module's docstring); *fields* are the properties
    of the schema validated."""
    words = vocabulary(provider)
    yield seed
    for path, node in _nodes(seed):
        key = next((step for step in reversed(path) if isinstance(step, str)), None)
        others: list[Any] = [None, True, [], {}, "x", 7, 1.5, [node]]
        for value in others:
            yield _set(seed, path, value)
        if path:
            yield _drop(seed, path)
        if isinstance(node, str):
            uri_like = "://" in node or node.startswith("/") or str(key).endswith("url")
            for text in [*STRINGS, *(URIS if uri_like else ()), node + "\n", node.upper()]:
                yield _set(seed, path, text)
        elif isinstance(node, int | float) and not isinstance(node, bool):
            for number in [*NUMBERS, node - 1, node + 1, float(node), -node]:
                yield _set(seed, path, number)
        elif isinstance(node, list):
            yield _set(seed, path, node + node[-1:])
            yield _set(seed, path, node * 10)
            yield _set(seed, path, [*node, None])
        elif isinstance(node, dict):
            yield _set(seed, path, {**node, "unexpected_field": 1})
        if key is not None and path and not isinstance(path[-1], int):
            for value in words.get(key, []):
                yield _set(seed, path, value)
    if isinstance(seed, dict):
        for name in fields:  # each field the body lacks, with each value the spec names for it
            for value in words.get(name, [])[:12] if name not in seed else ():
                yield {**seed, name: value}
        for names in pairs(provider):  # exclusive or dependent fields, together or alone
            for count in range(1, len(names) + 1):
                yield {**seed, **{name: _sample(words.get(name, ["x"])) for name in names[:count]}}


def _sample(values: list[Any]) -> Any:
    return next((value for value in values if value is not None), values[0] if values else "x")


def bodies(provider: str, label: str, check: SchemaCheck) -> list[Any]:
    """Every body the parity test validates for one check (deduplicated)."""
    seeds = _unique(spec_examples(check) + profile_bodies(provider, label))
    assert seeds, f"{provider} {label}: no example and no profile to start from"
    fields = list(_target_schema(check)[1].get("properties", {}))
    found: dict[str, Any] = {}
    for seed in seeds:
        for body in mutations(seed, provider, fields):
            found.setdefault(json.dumps(body, default=repr), body)
    return list(found.values())


# --- the verdicts -------------------------------------------------------------------------------
def verdicts(check: SchemaCheck, body: Any) -> tuple[bool, bool | str | None, bool]:
    """(reference, fast or None where not plain JSON or an exception's name, the facade's)."""
    reference = check.reference.is_valid(body)
    fast: bool | str | None = None
    if _plain(body):
        try:
            fast = bool(check.fast.is_valid(body))
        except Exception as error:
            fast = type(error).__name__
    return reference, fast, check.error(body) is None


@pytest.mark.parametrize(("provider", "label", "check"), checks(), ids=check_ids())
def test_fast_and_reference_validators_agree(provider: str, label: str, check: SchemaCheck) -> None:
    assert check.fast is not None, "jsonschema_rs is installed here: every schema compiles"
    found = bodies(provider, label, check)
    disagreements, valid = [], 0
    for body in found:
        reference, fast, facade = verdicts(check, body)
        valid += reference
        if (fast is not None and fast != reference) or facade != reference:
            disagreements.append((reference, fast, facade, body))
    assert not disagreements, f"{len(disagreements)} of {len(found)}: {disagreements[:3]!r}"
    # Not vacuous: many bodies, and both verdicts well represented.
    assert len(found) >= 500
    assert 10 <= valid <= len(found) - 100


@st.composite
def drawn_bodies(draw: st.DrawFn, provider: str, label: str, check: SchemaCheck) -> Any:
    """A body of fields drawn from the spec's vocabulary: mostly known fields, each with one of
    the values the spec names for it, a mutation of such a value, or a value of another type."""
    schema = _target_schema(check)[1]
    words = vocabulary(provider)
    known = list(schema.get("properties", {}))
    chosen = draw(st.lists(st.sampled_from(known), max_size=len(known), unique=True))
    body: dict[str, Any] = {}
    for field in chosen:
        values = words.get(field) or ["x"]
        body[field] = draw(
            st.one_of(
                st.sampled_from(values),
                st.sampled_from(values).map(lambda value: [value]),
                st.sampled_from([None, True, 0, -1, 1.5, "", "x", *URIS[:8]]),
                st.integers(min_value=-(2**65), max_value=2**65),
            )
        )
    seeds: list[dict[str, Any]] = [
        each for each in profile_bodies(provider, label) if isinstance(each, dict)
    ]
    merge: bool = draw(st.booleans())
    if seeds and merge:
        body = {**draw(st.sampled_from(seeds)), **body}
    return body


@pytest.mark.parametrize(("provider", "label", "check"), checks(), ids=check_ids())
@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_drawn_bodies_get_the_same_verdict(
    provider: str, label: str, check: SchemaCheck, data: st.DataObject
) -> None:
    body = data.draw(drawn_bodies(provider, label, check))
    reference, fast, facade = verdicts(check, body)
    assert fast in (None, reference), body
    assert facade == reference, body


@pytest.mark.parametrize("value", NOT_PLAIN, ids=repr)
def test_values_that_are_not_plain_json_go_to_the_reference(value: Any) -> None:
    check = adapter("modelark").spec.body_check("create_task")
    body = {
        "model": "seedance-1-0-pro-250528",
        "content": [{"type": "text", "text": "x"}],
        "tools": value,
        "priority": value,
    }
    assert not _plain(body)
    assert (check.error(body) is None) == check.reference.is_valid(body)


# --- formats ------------------------------------------------------------------------------------
def test_every_format_in_a_validated_schema_is_checked_or_an_annotation() -> None:
    """A new ``format`` in a spec must be added to FORMATS (checked by both validators alike) or
    here (an annotation, checked by neither)."""
    annotations = {"binary"}
    for provider in PROVIDERS:
        for node in _walk(adapter(provider).spec.document):
            if isinstance(node, dict) and isinstance(node.get("format"), str):
                assert node["format"] in FORMATS.keys() | annotations, (provider, node)


@pytest.mark.parametrize("name", sorted(FORMATS))
@settings(max_examples=300, derandomize=True, deadline=None)
@given(extra=st.text(max_size=30))
def test_formats_are_checked_as_jsonschema_checks_them(name: str, extra: str) -> None:
    """The same verdict as the format checker jsonschema itself uses (rfc3986-validator, as
    before this validator existed), on the catalogue and on drawn text."""
    checker = Draft202012Validator.FORMAT_CHECKER
    for text in [*URIS, extra, "https://example.com/" + extra, extra + ":" + extra]:
        assert FORMATS[name](text) == checker.conforms(text, name), (name, text)


@pytest.mark.parametrize("uri", URIS, ids=repr)
def test_a_uri_gets_the_same_verdict_in_a_body(uri: str) -> None:
    check = adapter("genray").spec.body_check("create_video")
    body = {"prompt": "x", "first_frame_url": uri, "webhook_url": uri}
    reference, fast, facade = verdicts(check, body)
    assert fast == reference == facade


# --- the fallback -------------------------------------------------------------------------------
def test_without_jsonschema_rs_the_reference_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # `import jsonschema_rs` fails
    spec = adapter("genray").spec
    assert _compile_fast(spec.document, "/components/schemas/CreateVideoRequest") is None
    fresh = SchemaCheck(spec, spec.body_check("create_video").pointer)
    assert fresh.fast is None
    assert fresh.error({"prompt": "x", "duration": 5}) is None
    assert fresh.error({"prompt": "x", "end_frame_url": "https://e/x.png"}) is not None


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_error_message_comes_from_the_reference(
    provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the fast validator says no, the error is the reference's best one, as before."""
    chosen = adapter(provider)
    spec = chosen.spec
    check = spec.body_check(chosen.create_operation)
    invalid = [
        body
        for body in bodies(provider, chosen.create_operation, check)[:400]
        if not check.reference.is_valid(body)
    ]
    assert invalid
    errors = {}
    for body in invalid:
        with pytest.raises(InvalidRequestError) as raised:
            spec.validate_body(chosen.create_operation, body)
        errors[json.dumps(body, default=repr)] = str(raised.value)
    monkeypatch.setattr(check, "fast", None)  # the reference alone, as before issue 12
    for body in invalid:
        with pytest.raises(InvalidRequestError) as raised:
            spec.validate_body(chosen.create_operation, body)
        assert str(raised.value) == errors[json.dumps(body, default=repr)]


# --- the bytes sent -----------------------------------------------------------------------------
URLS = st.sampled_from(
    ["https://example.com/a.png", "https://example.com/b.jpg", "https://cdn.example.com/v.mp4"]
)


@st.composite
def video_requests(draw: st.DrawFn, provider: str) -> VideoRequest:
    """A request the provider's capabilities allow, more or less (the test rejects the rest)."""
    caps = seedance.capabilities(provider)
    model = draw(st.sampled_from(sorted(caps.models)))
    allowed = caps.models[model]
    fields: dict[str, Any] = {
        "prompt": draw(st.text(min_size=1, max_size=40).filter(str.strip)),
        "model": model,
    }
    maybe = st.sampled_from([True, True, True, False])  # each field set three times in four
    if allowed.durations and draw(maybe):
        fields["duration"] = draw(st.sampled_from(allowed.durations))
    if allowed.resolutions and draw(maybe):
        fields["resolution"] = draw(st.sampled_from(allowed.resolutions))
    if allowed.aspect_ratios and draw(maybe):
        fields["aspect_ratio"] = draw(st.sampled_from(allowed.aspect_ratios))
    if allowed.seed and draw(maybe):
        fields["seed"] = draw(st.integers(*allowed.seed))
    for kind in ("images", "videos", "audios"):
        limit = getattr(allowed, f"max_reference_{kind}")
        if limit and draw(maybe):
            fields[f"reference_{kind}"] = draw(st.lists(URLS, min_size=1, max_size=limit))
    if allowed.first_frame and draw(maybe):
        fields["first_frame"] = draw(URLS)
        if allowed.last_frame and draw(maybe):
            fields["last_frame"] = draw(URLS)
    for flag in ("generate_audio", "watermark", "draft"):
        if getattr(allowed, flag) and draw(maybe):
            fields[flag] = draw(st.booleans())
    if allowed.negative_prompt and draw(maybe):
        fields["negative_prompt"] = draw(st.text(min_size=1, max_size=20))
    if allowed.webhook_url and draw(maybe):
        fields["webhook_url"] = "https://hooks.example.com/x"
    return VideoRequest(**fields)


@cache
def _client(provider: str) -> SeedanceClient:
    return SeedanceClient(provider, api_key="sk_test_parity")


def _bytes_sent_and_expected(provider: str, request: VideoRequest) -> tuple[bytes, bytes, Any]:
    client = _client(provider)
    engine = client._engine
    call = engine.create_call(request)
    sent, _ = engine.build_request(client._http, call, engine.call_deadline())
    model = engine.adapter.create_with[1]
    body = engine.adapter.create_body(request, engine.capabilities.check(request))
    engine.adapter.merge_extras(body, request.extras)
    expected = httpx.Request("POST", "https://x", json=model.from_dict(body).to_dict())
    return sent.content, expected.content, call.arguments["body"]


@pytest.mark.parametrize("provider", PROVIDERS)
@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_create_sends_what_the_generated_model_would(
    provider: str, data: st.DataObject
) -> None:
    request = data.draw(video_requests(provider))
    try:
        sent, expected, body = _bytes_sent_and_expected(provider, request)
    except SeedanceError:
        reject()
    assert isinstance(body, WireBody), "a body without extras skips the model"
    assert sent == expected


def test_the_profiles_create_sends_what_the_generated_model_would(profile: Profile) -> None:
    sent, expected, body = _bytes_sent_and_expected(profile.provider, profile.request)
    assert sent == expected
    assert json.loads(sent) == dict(profile.expected_body)
    assert isinstance(body, WireBody) == (not profile.request.extras)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_body_with_extras_goes_through_the_model(provider: str) -> None:
    profile = next(p for p in PROFILES if p.provider == provider)
    request = VideoRequest(
        prompt=profile.request.prompt, extras={"unknown_field": {"b": 1, "a": [1, 2]}}
    )
    try:
        sent, expected, body = _bytes_sent_and_expected(provider, request)
    except SeedanceError:  # a provider needing more than a prompt: take the profile's request
        request = VideoRequest(
            **{**profile.request.provided(), "extras": {"unknown_field": {"b": 1}}}
        )
        sent, expected, body = _bytes_sent_and_expected(provider, request)
    assert not isinstance(body, WireBody)
    assert sent == expected


# --- Job.raw ------------------------------------------------------------------------------------
def test_job_raw_is_the_answer_json(profile: Profile) -> None:
    status = next(case for case in profile.statuses if case.status.is_terminal)
    follow_up = follow_up_route(profile.provider, profile.created_id)

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == profile.create[0] and request.url.path.endswith(profile.create[1]):
            return httpx.Response(profile.create_response[0], json=profile.create_response[1])
        if (request.method, request.url.path) == follow_up:
            return httpx.Response(200, json=profile.succeeded)
        return httpx.Response(200, json=status.body)

    client = SeedanceClient(
        profile.provider, api_key="sk_test_parity", transport=httpx.MockTransport(answer)
    )
    created = client.submit(profile.request)
    assert dict(created.raw) == json.loads(json.dumps(profile.create_response[1]))
    if created.id.startswith("sync-"):
        return
    job = client.get(created)
    # Where a follow-up call reads the video (Adapter.follow_up), the job is its answer.
    last = profile.succeeded if follow_up and status.status is JobStatus.SUCCEEDED else status.body
    assert dict(job.raw) == json.loads(json.dumps(last))
    assert type(job.raw) is dict
