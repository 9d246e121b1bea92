# sources of provisioning
# USERDATA: cloud-init user-data renderer and its templates (resources/provision/userdata-*).
target_sources(deployer_core PRIVATE provision/userdatarenderer.h provision/userdatarenderer.cpp)
qt_add_resources(deployer_core "provision_userdata"
    PREFIX "/provision"
    BASE "${PROJECT_SOURCE_DIR}/resources/provision"
    FILES
        "${PROJECT_SOURCE_DIR}/resources/provision/userdata-metadata-guard.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/userdata-prepare.sh")
# SCRIPTS: install scripts, systemd units and the env file (resources/provision/*.sh except userdata-*).
target_sources(deployer_core PRIVATE
    provision/envfile.h provision/envfile.cpp
    provision/installbundle.h provision/installbundle.cpp)
qt_add_resources(deployer_core "provision_scripts"
    PREFIX "/provision"
    BASE "${PROJECT_SOURCE_DIR}/resources/provision"
    FILES
        "${PROJECT_SOURCE_DIR}/resources/provision/provision-lib.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/provision-web.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/provision-bridge.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/web-firewall.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/web-certificate.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/web-turn.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/web-meeting-access.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/web-accounts.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/host-key-install.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/bridge-drain.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/jitsi-packages.sh"
        "${PROJECT_SOURCE_DIR}/resources/provision/jitsi-deployer-provision.service"
        "${PROJECT_SOURCE_DIR}/resources/provision/jitsi-deployer-firewall.service")
