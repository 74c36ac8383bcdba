"""The hostile-server suite: real sockets on 127.0.0.1 serving answers that misbehave on purpose.

`_server.HostileServer` is the loopback server and its scripted behaviours; `_support` holds the
client wrappers, the per-provider routes and the checks every test makes (typed error, wall time,
peak memory, nothing saved, nothing leaked, creates sent once).
"""
