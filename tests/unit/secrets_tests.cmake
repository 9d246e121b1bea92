# tests for secrets
