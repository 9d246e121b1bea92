# SSH key and known-hosts tests
