# tests for common
