#!/usr/bin/python3
"""A belief-network agent in Python, using only Debian's python3-confluent-kafka, python3-nacl
and python3-avro: has its key registered by an identity authority, publishes signed claims (one
signature each, then one signature over a batch), and follows the beliefs they lead to.

    /usr/bin/python3 examples/python/belief_agent.py --bootstrap-servers 127.0.0.1:9092 \\
        --registry http://127.0.0.1:8081 --agent-id py-sensor-1

Prints one JSON line per belief about its propositions as the job publishes them, and exits 0
once every claim it made has been counted (1 if not within --timeout). The signed bytes and the
batch proofs follow docs/SIGNING.md; the record layouts are the registry's latest schemas.
"""

import argparse
import base64
import datetime
import hashlib
import io
import json
import struct
import sys
import time
import urllib.request
import uuid

import avro.io
import avro.schema
import nacl.signing
from confluent_kafka import Consumer, Producer

# X.509 SubjectPublicKeyInfo prefix of an Ed25519 key: the registered key is this + the raw key.
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
# PKCS#8 prefix of an Ed25519 private key, as key files hold it: this + the 32-byte seed.
ED25519_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
CLAIM_TAG = "beliefnet/claim/v1"
BATCH_TAG = "beliefnet/claim-batch/v1"
REGISTRATION_TAG = "beliefnet/registration/v1"
NETWORK_TAG = "beliefnet/network/v1"


# --- the signed bytes (docs/SIGNING.md, "The signed bytes") ---------------------------------

def _string(value):
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def _strings(values):
    return struct.pack(">I", len(values)) + b"".join(_string(v) for v in values)


def _optional(value, pack):
    return b"\x00" if value is None else b"\x01" + pack(value)


def message(network, content):
    """What is signed of content for one belief network: the network tag and id, then content."""
    return _string(NETWORK_TAG) + _string(network) + content


def canonical_claim(claim):
    """The bytes a claim's signature covers: every field but signature and batch, in order."""
    return b"".join([
        _string(CLAIM_TAG),
        _string(claim["claimId"]),
        _string(claim["agentId"]),
        _string(claim["propositionId"]),
        _string(claim["domain"]),
        _strings(claim["outcomes"]),
        struct.pack(">I", len(claim["probabilities"])),
        b"".join(struct.pack(">d", p) for p in claim["probabilities"]),
        b"\x01" if claim["hardLabel"] else b"\x00",
        struct.pack(">q", _millis(claim["eventTime"])),
        _optional(claim["halfLifeMillis"], lambda v: struct.pack(">q", v)),
        _optional(claim["stake"], lambda v: struct.pack(">d", v)),
        _strings(claim["evidenceIds"]),
    ])


def canonical_registration(identity):
    """The bytes an identity authority signs of a registration: all but its signature."""
    return b"".join([
        _string(REGISTRATION_TAG),
        _string(identity["agentId"]),
        struct.pack(">I", len(identity["publicKey"])) + identity["publicKey"],
        _string(identity["tier"]),
        _string(identity["controller"]),
        struct.pack(">d", identity["stake"]),
        struct.pack(">q", _millis(identity["registeredAt"])),
        b"\x01" if identity["revoked"] else b"\x00",
        _string(identity["authorityId"]),
    ])


# --- signed claim batches (docs/SIGNING.md, "Signed claim batches": RFC 9162 Merkle tree) ----

def _leaf(claim):
    return hashlib.sha256(b"\x00" + canonical_claim(claim)).digest()


def _node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n):
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def _root(leaves):
    if len(leaves) == 1:
        return leaves[0]
    k = _split(len(leaves))
    return _node(_root(leaves[:k]), _root(leaves[k:]))


def _path(index, leaves):
    """The siblings of leaf index, from the leaf up (RFC 9162, section 2.1.3.1)."""
    if len(leaves) == 1:
        return []
    k = _split(len(leaves))
    if index < k:
        return _path(index, leaves[:k]) + [_root(leaves[k:])]
    return _path(index - k, leaves[k:]) + [_root(leaves[:k])]


class AgentKey:
    """An Ed25519 key (its 32-byte seed is the private key), signing for one belief network."""

    def __init__(self, seed=None, network="local"):
        self._signing = nacl.signing.SigningKey(seed) if seed else nacl.signing.SigningKey.generate()
        self.network = network

    @staticmethod
    def load(path, network="local"):
        """The key in a PKCS#8 PEM file, as the project's tools and openssl write them."""
        with open(path) as pem:
            body = "".join(line.strip() for line in pem if not line.startswith("-----"))
        der = base64.b64decode(body)
        if len(der) != 48 or not der.startswith(ED25519_PKCS8_PREFIX):
            raise ValueError("%s holds no Ed25519 private key in PKCS#8" % path)
        return AgentKey(der[len(ED25519_PKCS8_PREFIX):], network)

    def public_key(self):
        """The public key as the agents topic holds it (X.509 SubjectPublicKeyInfo, 44 bytes)."""
        return ED25519_SPKI_PREFIX + bytes(self._signing.verify_key)

    def _signature(self, content):
        return self._signing.sign(message(self.network, content)).signature

    def sign(self, claim):
        claim["signature"] = self._signature(canonical_claim(claim))
        return claim

    def sign_registration(self, identity, authority_id):
        """Signs identity as the identity authority authority_id (this key being the authority's)."""
        identity["authorityId"] = authority_id
        identity["authoritySignature"] = self._signature(canonical_registration(identity))
        return identity

    def sign_batch(self, claims):
        """One signature over all of claims: each gets it, with its proof of membership."""
        leaves = [_leaf(c) for c in claims]
        signature = self._signature(_string(BATCH_TAG) + _root(leaves))
        for index, claim in enumerate(claims):
            claim["signature"] = signature
            claim["batch"] = {
                "leafIndex": index,
                "leafCount": len(claims),
                "siblings": _path(index, leaves),
            }
        return claims


# --- the schema registry and the Confluent wire format ------------------------------------

class Registry:
    """Looks schemas up; never registers one (the network's operator does)."""

    def __init__(self, url):
        self._url = url.rstrip("/")
        self._by_id = {}

    def latest(self, topic):
        """(id, schema) of the latest version of the topic's value subject."""
        found = self._get("/subjects/%s-value/versions/latest" % topic)
        schema = avro.schema.parse(found["schema"])
        self._by_id[found["id"]] = schema
        return found["id"], schema

    def by_id(self, schema_id):
        if schema_id not in self._by_id:
            found = self._get("/schemas/ids/%d" % schema_id)
            self._by_id[schema_id] = avro.schema.parse(found["schema"])
        return self._by_id[schema_id]

    def _get(self, path):
        with urllib.request.urlopen(self._url + path, timeout=10) as response:
            return json.load(response)


class Writer:
    """Encodes records of one topic: magic byte 0, the schema id (4 bytes), the Avro body."""

    def __init__(self, registry, topic):
        self._id, schema = registry.latest(topic)
        self._writer = avro.io.DatumWriter(schema)

    def encode(self, record):
        body = io.BytesIO()
        self._writer.write(record, avro.io.BinaryEncoder(body))
        return b"\x00" + struct.pack(">I", self._id) + body.getvalue()


def decode(registry, value):
    if value[0] != 0:
        raise ValueError("not in the registry's wire format: first byte %d" % value[0])
    schema = registry.by_id(struct.unpack(">I", value[1:5])[0])
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))


# Avro's timestamp-millis and the signed bytes both take whole milliseconds: converting through
# floating-point seconds can land a microsecond below one and encode the millisecond before it
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_MILLISECOND = datetime.timedelta(milliseconds=1)


def _instant(millis):
    return _EPOCH + millis * _MILLISECOND


def _millis(instant):
    return (instant - _EPOCH) // _MILLISECOND


# --- the agent ------------------------------------------------------------------------------

def claim(agent_id, proposition, domain, probability_yes):
    now = int(time.time() * 1000)
    return {
        "claimId": str(uuid.uuid4()),
        "agentId": agent_id,
        "propositionId": proposition,
        "domain": domain,
        "outcomes": ["no", "yes"],
        "probabilities": [1.0 - probability_yes, probability_yes],
        "hardLabel": False,
        "eventTime": _instant(now),
        "halfLifeMillis": None,
        "stake": None,
        "evidenceIds": [],
        "signature": None,
        "batch": None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--network", default="local",
                        help="the belief network's id, its job's network.id (default: local)")
    parser.add_argument("--agent-id", required=True)
    parser.add_argument("--controller", help="who runs the agent (default: its id)")
    parser.add_argument("--seed", help="the key's 32-byte seed in hex (default: a new key)")
    parser.add_argument("--authority-key", default=".belief/local/authority.key",
                        help="the identity authority's PKCS#8 PEM key file (default: the"
                             " development authority of 'bin/belief local' run here)")
    parser.add_argument("--authority-id", default="local-authority")
    parser.add_argument("--domain", default="examples/python")
    parser.add_argument("--claims", type=int, default=3, help="claims signed one by one")
    parser.add_argument("--batch", type=int, default=5, help="claims signed as one batch")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for beliefs")
    args = parser.parse_args()

    key = AgentKey(bytes.fromhex(args.seed) if args.seed else None, args.network)
    registry = Registry(args.registry)
    producer = Producer({"bootstrap.servers": args.bootstrap_servers, "enable.idempotence": True})

    # a registration, issued by the identity authority: keyed by agent id, its Kafka timestamp is
    # its registeredAt (in production the authority publishes it; here the example holds the
    # development authority's key)
    authority = AgentKey.load(args.authority_key, args.network)
    registered_at = int(time.time() * 1000)
    identity = {
        "agentId": args.agent_id,
        "publicKey": key.public_key(),
        "tier": "VERIFIED",
        "controller": args.controller or args.agent_id,
        "stake": 0.0,
        "registeredAt": _instant(registered_at),
        "revoked": False,
    }
    authority.sign_registration(identity, args.authority_id)
    # where each record landed, to find its dead letter if the job refuses it
    positions = {}

    def delivered(what):
        return lambda error, message: error or positions.update(
            {("%s-%d@%d" % (message.topic(), message.partition(), message.offset())): what})

    producer.produce("agents", key=args.agent_id, value=Writer(registry, "agents").encode(identity),
                     timestamp=registered_at, on_delivery=delivered("registration"))

    # claims: keyed by proposition id, each with its event time as Kafka timestamp
    run = uuid.uuid4().hex[:8]
    singles = [key.sign(claim(args.agent_id, "%s/%s-single-%d" % (args.domain, run, i),
                              args.domain, 0.7)) for i in range(args.claims)]
    batched = key.sign_batch([claim(args.agent_id, "%s/%s-batched-%d" % (args.domain, run, i),
                                    args.domain, 0.8) for i in range(args.batch)])
    claims = Writer(registry, "claims")
    for c in singles + batched:
        producer.produce("claims", key=c["propositionId"], value=claims.encode(c),
                         timestamp=_millis(c["eventTime"]), on_delivery=delivered(c["propositionId"]))
    if producer.flush(30) > 0:
        sys.exit("the broker did not acknowledge every record within 30 s")

    # follow beliefs (committed ones only) until every claim is counted
    waiting = {c["propositionId"] for c in singles + batched}
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": "python-agent-" + run,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        "enable.auto.commit": False,
    })
    consumer.subscribe(["beliefs"])
    deadline = time.time() + args.timeout
    try:
        while waiting and time.time() < deadline:
            message = consumer.poll(0.5)
            if message is None or message.error():
                continue
            belief = decode(registry, message.value())
            if belief["domain"] != args.domain or belief["propositionId"] not in waiting:
                continue
            print(json.dumps({
                "propositionId": belief["propositionId"],
                "probabilities": belief["probabilities"],
                "claimCount": belief["claimCount"],
                "contributors": [c["agentId"] for c in belief["topContributors"]],
            }), flush=True)
            if args.agent_id in [c["agentId"] for c in belief["topContributors"]]:
                waiting.discard(belief["propositionId"])
    finally:
        consumer.close()
    if waiting:
        refused = refusals(args.bootstrap_servers, registry, positions)
        sys.exit("no belief counts the claims on %s after %.0f s%s" % (
            sorted(waiting), args.timeout,
            "".join("\n  %s refused: %s" % r for r in refused) or
            "; see 'bin/belief tail rejected --from-beginning' for refused records"))


def refusals(bootstrap_servers, registry, positions):
    """(what, reason) of each dead letter on rejected for one of positions' records."""
    consumer = Consumer({
        "bootstrap.servers": bootstrap_servers,
        "group.id": "python-agent-refusals-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        "enable.auto.commit": False,
    })
    consumer.subscribe(["rejected"])
    found = []
    try:
        while True:
            message = consumer.poll(5)
            if message is None:
                return found
            if not message.error():
                key = message.key().decode("utf-8") if message.key() else ""
                if key in positions:
                    dead = decode(registry, message.value())
                    found.append((positions[key], "%s: %s" % (dead["reasonCode"], dead["reason"])))
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
