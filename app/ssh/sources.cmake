# SshSession and its parts (worker thread, operations, follow protocol).
target_sources(deployer_core PRIVATE
    ssh/followprotocol.cpp ssh/followprotocol.h
    ssh/keepalivemonitor.cpp ssh/keepalivemonitor.h
    ssh/linesplitter.cpp ssh/linesplitter.h
    ssh/passphrasebroker.cpp ssh/passphrasebroker.h
    ssh/passphraserequest.cpp ssh/passphraserequest.h
    ssh/sftptransfer.cpp ssh/sftptransfer.h
    ssh/ssherrors.cpp ssh/ssherrors.h
    ssh/sshexec.cpp ssh/sshexec.h
    ssh/sshfollow.cpp ssh/sshfollow.h
    ssh/sshinterrupt.cpp ssh/sshinterrupt.h
    ssh/sshagentkeys.cpp ssh/sshagentkeys.h
    ssh/sshkeyloader.cpp ssh/sshkeyloader.h
    ssh/sshsession.cpp ssh/sshsession.h
    ssh/sshteardown.cpp ssh/sshteardown.h
    ssh/sshtransfer.cpp ssh/sshtransfer.h
    ssh/sshworker.cpp ssh/sshworker.h ssh/sshworker_p.h
    ssh/sshworker_channels.cpp ssh/sshworker_follow.cpp ssh/sshworker_sftp.cpp
    ssh/tcpconnector.cpp ssh/tcpconnector.h)

# Key utilities and the pinned host keys store.
target_sources(deployer_core PRIVATE
    ssh/hostkeys.cpp ssh/hostkeys.h
    ssh/keyfiles.cpp ssh/keyfiles.h
    ssh/knownhosts.cpp ssh/knownhosts.h
    ssh/sshpublickey.cpp ssh/sshpublickey.h)
# host key scan for servers pinned on another computer (issue 14)
target_sources(deployer_core PRIVATE ssh/hostkeyscan.cpp ssh/hostkeyscan.h)
