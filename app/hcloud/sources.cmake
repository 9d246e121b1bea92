# sources of the hcloud subsystem
