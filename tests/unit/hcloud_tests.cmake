# tests for hcloud
