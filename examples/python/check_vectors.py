#!/usr/bin/python3
"""Checks belief_agent.py's signing against every claim, registration and batch vector of
docs/signing-vectors.json: the same bytes, the same signatures, the same proofs."""

import json
import pathlib
import sys

import belief_agent as agent

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "docs" / "signing-vectors.json"


def claim(fields):
    record = dict(fields, signature=None, batch=None)
    record["eventTime"] = agent._instant(fields["eventTime"])
    return record


def main():
    vectors = json.loads(VECTORS.read_text())
    network = vectors["network"]
    key = agent.AgentKey(bytes.fromhex(vectors["seed"]), network)
    failures = [] if key.public_key().hex() == vectors["publicKey"] else ["public key"]
    checked = 0
    for vector in vectors["vectors"]:
        if vector["type"] == "claim":
            signed = key.sign(claim(vector["fields"]))
            if agent.message(network, agent.canonical_claim(signed)).hex() != vector["signedBytes"] \
                    or signed["signature"].hex() != vector["signature"]:
                failures.append(vector["name"])
            checked += 1
        elif vector["type"] == "registration":
            fields = vector["fields"]
            identity = dict(fields, publicKey=bytes.fromhex(fields["publicKey"]),
                            registeredAt=agent._instant(fields["registeredAt"]))
            key.sign_registration(identity, fields["authorityId"])
            if agent.message(network, agent.canonical_registration(identity)).hex() \
                    != vector["signedBytes"] \
                    or identity["authoritySignature"].hex() != vector["signature"]:
                failures.append(vector["name"])
            checked += 1
        elif vector["type"] == "claimBatch":
            batch = key.sign_batch([claim(fields) for fields in vector["claims"]])
            proofs = [[s.hex() for s in c["batch"]["siblings"]] for c in batch]
            if batch[0]["signature"].hex() != vector["signature"] or proofs != vector["proofs"]:
                failures.append(vector["name"])
            checked += 1
    if failures or checked == 0:
        sys.exit("vectors that do not match: %s (%d checked)" % (failures, checked))
    print("%d vectors match" % checked)


if __name__ == "__main__":
    main()
