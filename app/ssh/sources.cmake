target_sources(deployer_core PRIVATE ssh/sshsession.h)
