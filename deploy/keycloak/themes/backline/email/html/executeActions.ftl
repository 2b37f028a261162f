<#import "template.ftl" as layout>
<#-- Backline's invitation while the one Backline noted on the account runs (docs/adr/0044); else Keycloak's text. -->
<#assign clinic = layout.invitationOpen(user.attributes.backlineInvitationExpires!"")?then(user.attributes.backlineClinic!"", "")>
<@layout.emailLayout>
<#if clinic?has_content>
<#assign invitedBy = user.attributes.backlineInvitedBy!"">
<#assign invitedAs = user.attributes.backlineInvitedAs!"client">
<#assign until = layout.expiry(user.attributes.backlineInvitationExpires!"")>
<@layout.heading>${msg("backlineInviteHeading", clinic)}</@layout.heading>
<p>${msg("backlineInviteWho", invitedBy, clinic, msg("backlineRole." + invitedAs))}</p>
<p>${msg("backlineAbout." + invitedAs, clinic)}</p>
<p>${msg("backlineInviteWhatToDo", user.email!"")}</p>
<#if invitedAs != "client"><p>${msg("backlineInviteSecondFactor")}</p></#if>
<@layout.button href=link>${msg("backlineInviteButton")}</@layout.button>
<p><#if until?has_content>${msg("backlineLinkExpires", linkExpirationFormatter(linkExpiration), until, invitedBy)}<#else>${msg("backlineLinkExpiresIn", linkExpirationFormatter(linkExpiration))}</#if></p>
<p style="color:#556070;">${msg("backlineInviteNotYou")}</p>
<#else>
<#outputformat "plainText"><#assign requiredActionsText><#if requiredActions??><#list requiredActions as action>${msg("requiredAction.${action}")}<#sep>, </#sep></#list></#if></#assign></#outputformat>
${kcSanitize(msg("executeActionsBodyHtml", link, linkExpiration, realmName, requiredActionsText, linkExpirationFormatter(linkExpiration)))?no_esc}
</#if>
</@layout.emailLayout>
