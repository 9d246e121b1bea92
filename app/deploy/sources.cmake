# sources of the deployment model
# accounts of a moderated deployment (issue 15): who may open a meeting
target_sources(deployer_core PRIVATE
    deploy/accounts.h deploy/accounts.cpp
    deploy/accountoperation.h deploy/accountoperation.cpp
    deploy/sshhostagent_accounts.cpp)
target_sources(deployer_core PRIVATE
    deploy/dryrunwriter.h deploy/dryrunwriter.cpp
    deploy/plansummary.h deploy/plansummary.cpp
    deploy/planpreview.h deploy/planpreview.cpp)
# discovery: finding deployments by their labels
target_sources(deployer_core PRIVATE
    deploy/deploymentlabels.h deploy/deploymentlabels.cpp
    deploy/discovery.h deploy/discovery.cpp
    deploy/deploymentdnsrecords.h deploy/deploymentdnsrecords.cpp)
# verification: is every bridge really connected (DESIGN.md §5), judged from logs and probes
target_sources(deployer_core PRIVATE
    deploy/logexcerpt.h deploy/logexcerpt.cpp
    deploy/jitsistate.h deploy/jitsistate.cpp
    deploy/deploymenthealth.h deploy/deploymenthealth.cpp
    deploy/healthreader.h deploy/healthreader.cpp
    deploy/verifier.h deploy/verifier.cpp
    deploy/verifierlogs_p.h deploy/verifierlogs.cpp)
# the engine (issue 5): provisioning protocol, hosts, cloud resources, DNS, local state, orchestration
target_sources(deployer_core PRIVATE
    deploy/provisionsteps.h deploy/provisionsteps.cpp
    deploy/hostagent.h
    deploy/sshhostagent.h deploy/sshhostagent.cpp
    deploy/hostconnection.h deploy/hostconnection.cpp
    deploy/taskrunner.h deploy/taskrunner.cpp
    deploy/evidencecollector.h deploy/evidencecollector.cpp
    deploy/cloudresources.h deploy/cloudresources.cpp deploy/cloudservers.cpp deploy/clouddeletion.cpp
    deploy/cloudsupport.h deploy/firewallpolicy.h deploy/firewallpolicy.cpp
    deploy/dnscheck.h deploy/dnscheck.cpp
    deploy/deploymentstore.h deploy/deploymentstore.cpp
    deploy/enginestates.h deploy/enginestates.cpp
    deploy/engineevents.h deploy/engineevents.cpp
    deploy/progressmodel.h deploy/progressmodel.cpp
    deploy/runlog.h deploy/runlog.cpp
    deploy/enginerun.h deploy/enginerun.cpp deploy/enginerun_recovery.cpp
    deploy/drainquestion.h deploy/bridgedrain.h deploy/bridgedrain.cpp
    deploy/updateoperation.h deploy/updateoperation.cpp
    deploy/versionpin.h deploy/versionpin.cpp
    deploy/convergeoperation.h deploy/convergeoperation.cpp
    deploy/hostpipeline.h deploy/hostpipeline.cpp
    deploy/certificatetask.h deploy/certificatetask.cpp
    deploy/verificationstage.h deploy/verificationstage.cpp
    deploy/healthstage.h deploy/healthstage.cpp
    deploy/meetingstatus.h deploy/meetingstatus.cpp deploy/meetingdrains.h deploy/meetingdrains.cpp
    deploy/meetingtest.h deploy/meetingtest.cpp
    deploy/bridgeremoval.h deploy/bridgeremoval.cpp
    deploy/deploymentengine.h deploy/deploymentengine.cpp)
# managing from another computer, interrupted runs (issue 14): labels, host keys and the plan recovered
target_sources(deployer_core PRIVATE
    deploy/serverlabeller.h deploy/serverlabeller.cpp
    deploy/hostkeybroker.h deploy/hostkeybroker.cpp
    deploy/hostkeyrecovery.h deploy/hostkeyrecovery.cpp
    deploy/planrecovery.h deploy/planrecovery.cpp)
