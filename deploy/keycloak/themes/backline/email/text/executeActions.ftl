<#ftl output_format="plainText">
<#import "../html/template.ftl" as layout>
<#assign clinic = layout.invitationOpen(user.attributes.backlineInvitationExpires!"")?then(user.attributes.backlineClinic!"", "")>
<#if clinic?has_content>
<#assign invitedBy = user.attributes.backlineInvitedBy!"">
<#assign invitedAs = user.attributes.backlineInvitedAs!"client">
<#assign until = layout.expiry(user.attributes.backlineInvitationExpires!"")>
${msg("backlineInviteHeading", clinic)}

${msg("backlineInviteWho", invitedBy, clinic, msg("backlineRole." + invitedAs))}

${msg("backlineAbout." + invitedAs, clinic)}

${msg("backlineInviteWhatToDo", user.email!"")}
<#if invitedAs != "client">

${msg("backlineInviteSecondFactor")}
</#if>

${msg("backlineInviteButton")}: ${link}

<#if until?has_content>${msg("backlineLinkExpires", linkExpirationFormatter(linkExpiration), until, invitedBy)}<#else>${msg("backlineLinkExpiresIn", linkExpirationFormatter(linkExpiration))}</#if>

${msg("backlineInviteNotYou")}
<#else>
<#assign requiredActionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign>
${msg("executeActionsBody", link, linkExpiration, realmName, requiredActionsText, linkExpirationFormatter(linkExpiration))}
</#if>

--
${msg("backlineEmailFooter")}
