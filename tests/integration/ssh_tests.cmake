# SSH session tests against a real sshd
