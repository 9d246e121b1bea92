target_sources(deployer_core PRIVATE
    common/result.h common/result.cpp
    common/advice.h common/advice.cpp
    common/redactor.h common/redactor.cpp
    common/logging.h common/logging.cpp
    common/inputvalidation.h common/inputvalidation.cpp)
