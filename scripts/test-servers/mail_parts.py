#!/usr/bin/env python3
"""Splits a saved message for the delivery tests: prints its headers and parts as JSON and
writes each attachment, decoded, into OUTDIR under its file name.

  mail_parts.py MESSAGE.eml OUTDIR
"""
import email
import email.policy
import json
import sys
from pathlib import Path

message = email.message_from_bytes(Path(sys.argv[1]).read_bytes(), policy=email.policy.default)
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
attachments = []
for part in message.iter_attachments():
    name = part.get_filename()
    (out / name).write_bytes(part.get_payload(decode=True))
    attachments.append({"name": name, "type": part.get_content_type(),
                        "encoding": part.get("Content-Transfer-Encoding", "")})
body = message.get_body(preferencelist=("plain",))
print(json.dumps({
    "headers": {key: str(value) for key, value in message.items()},
    "content_type": message.get_content_type(),
    "body": body.get_content() if body is not None else None,
    "attachments": attachments,
}))
