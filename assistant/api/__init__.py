"""The HTTP API: the service's answers for office systems, over REST and an OpenAI-compatible chat.

A client of `service.Assistant` like the browser and the CLI: every route signs the caller in by
its API key and calls one service method, which checks the role. `python -m assistant serve-api`.
"""
