# sources of the cli subsystem
