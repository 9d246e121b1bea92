# sources of the secrets subsystem
