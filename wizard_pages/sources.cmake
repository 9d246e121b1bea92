# The wizard pages, one QWizardPage (+ .ui) per step; built into deployer_gui (ui/CMakeLists.txt).
target_sources(deployer_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/welcomepage.h ${CMAKE_CURRENT_LIST_DIR}/welcomepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenpage.h ${CMAKE_CURRENT_LIST_DIR}/tokenpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenpage.ui
    ${CMAKE_CURRENT_LIST_DIR}/statustext.h ${CMAKE_CURRENT_LIST_DIR}/statustext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/deploymentpage.h ${CMAKE_CURRENT_LIST_DIR}/deploymentpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/deploymentpage.ui
    ${CMAKE_CURRENT_LIST_DIR}/sshkeypage.h ${CMAKE_CURRENT_LIST_DIR}/sshkeypage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sshkeypage.ui
    ${CMAKE_CURRENT_LIST_DIR}/serverspage.h ${CMAKE_CURRENT_LIST_DIR}/serverspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/serverspage.ui
    ${CMAKE_CURRENT_LIST_DIR}/reviewpage.h ${CMAKE_CURRENT_LIST_DIR}/reviewpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reviewpage.ui
    ${CMAKE_CURRENT_LIST_DIR}/deploypage.h ${CMAKE_CURRENT_LIST_DIR}/deploypage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/deploycleanupdialog.h ${CMAKE_CURRENT_LIST_DIR}/deploycleanupdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hostkeydialog.h ${CMAKE_CURRENT_LIST_DIR}/hostkeydialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/drainchoicedialog.h ${CMAKE_CURRENT_LIST_DIR}/drainchoicedialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/meetingtestdialog.h ${CMAKE_CURRENT_LIST_DIR}/meetingtestdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dnspage.h ${CMAKE_CURRENT_LIST_DIR}/dnspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/verifiedpage.h ${CMAKE_CURRENT_LIST_DIR}/verifiedpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/startpage.h ${CMAKE_CURRENT_LIST_DIR}/startpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/managepage.h ${CMAKE_CURRENT_LIST_DIR}/managepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/addbridgespage.h ${CMAKE_CURRENT_LIST_DIR}/addbridgespage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/removebridgepage.h ${CMAKE_CURRENT_LIST_DIR}/removebridgepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/destroypage.h ${CMAKE_CURRENT_LIST_DIR}/destroypage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accountsdialog.h ${CMAKE_CURRENT_LIST_DIR}/accountsdialog.cpp)
