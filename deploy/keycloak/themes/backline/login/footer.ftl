<#macro content>
<#-- Below every sign-in page: the way back to Backline and what it is (docs/adr/0044). -->
<div class="backline-footer" id="backline-footer">
  <#if client?? && client.baseUrl?has_content>
  <p><a id="backline-return" href="${client.baseUrl}">${msg("backlineReturn")}</a></p>
  </#if>
  <p>${msg("backlineAbout")}</p>
</div>
</#macro>
