#!/usr/bin/env python3
"""SMTP server for clever-export's delivery tests: listens on 127.0.0.1 only and saves every
message it accepts as N.eml (the bytes as received) and N.json (envelope) in --out.

  smtp_server.py --port P --out DIR [--tls starttls|implicit|none] [--cert PEM --key PEM]
                 [--user NAME]   (the password is read from $SMTP_TEST_PASSWORD, never argv)
                 [--max-bytes N] (a bigger message is refused with 552)

Prints "ready" once it accepts connections; stops on SIGTERM or SIGINT.
"""
import argparse
import json
import os
import signal
import ssl
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SaveMessages:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        (self.folder / f"{self.count}.eml").write_bytes(envelope.original_content)
        info = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "authenticated": bool(session.authenticated)}
        (self.folder / f"{self.count}.json").write_text(json.dumps(info))
        return "250 Message accepted"


class ImplicitTLSController(Controller):
    """aiosmtpd 1.4 checks readiness with a plain connection, which a TLS-only port would
    refuse; a TLS client handshake does the same job."""

    def _trigger_server(self):
        import socket
        client = ssl.create_default_context()
        client.check_hostname = False
        client.verify_mode = ssl.CERT_NONE
        with socket.create_connection((self.hostname, self.port), 1.0) as raw:
            with client.wrap_socket(raw) as tls:
                tls.recv(1024)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--max-bytes", type=int)
    args = parser.parse_args()

    password = os.environ.get("SMTP_TEST_PASSWORD", "")

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and args.user is not None
              and auth_data.login == args.user.encode() and auth_data.password == password.encode())
        # handled=False: aiosmtpd answers a failure with 535 itself.
        return AuthResult(success=ok, handled=False)

    # aiosmtpd 1.4 counts only STARTTLS as TLS, so on an implicit-TLS port it would never offer AUTH.
    options = {"authenticator": authenticator, "auth_required": args.user is not None,
               "auth_require_tls": args.tls == "starttls"}
    if args.max_bytes:
        options["data_size_limit"] = args.max_bytes
    controller_class = Controller
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options["ssl_context"] = context
            controller_class = ImplicitTLSController
    Path(args.out).mkdir(parents=True, exist_ok=True)
    controller = controller_class(SaveMessages(args.out), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
