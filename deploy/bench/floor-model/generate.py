#!/usr/bin/env python3
"""Writes a model the size of Backline's into a copy of the stack's minimal app, for the startup row.

None of Backline's code: generated entities, Renarde controllers with type-checked templates, constrained forms and
parameters, as many of each as Backline has, so that the start does the per-unit work Backline's does (Hibernate's
boot model, Hibernate Validator's metadata, Qute's eager parse of every template, RESTEasy's endpoint set-up).

usage: generate.py <app-dir> <entities> <controllers> <endpoints> <templates> <validated-classes> <template-bytes>
"""
import os
import sys

app, n_entities, n_controllers, n_endpoints, n_templates, n_validated, template_bytes = \
    sys.argv[1], *(int(a) for a in sys.argv[2:8])
java_dir = os.path.join(app, "src/main/java/org/acme/clinic/model")
templates_dir = os.path.join(app, "src/main/resources/templates")
os.makedirs(java_dir, exist_ok=True)
PACKAGE = "package org.acme.clinic.model;\n\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


# Backline's settings that change what a request does on these extensions: Renarde brings the CSRF filter, and JSON
# bodies on the bearer API need no token (the check-off's POST would be refused with a 400 otherwise).
with open(os.path.join(app, "src/main/resources/application.properties"), "a", encoding="utf-8") as properties:
    properties.write("\nquarkus.rest-csrf.require-form-url-encoded=false\n")

# Entities: Backline's have seven columns on average, no associations (references are ids).
for e in range(n_entities):
    write(os.path.join(java_dir, f"Entity{e:02d}.java"), PACKAGE + f"""import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "model_{e:02d}")
public class Entity{e:02d} extends PanacheEntityBase {{
    @Id
    public UUID id;
    @Column(name = "clinic_id", nullable = false)
    public String clinicId;
    @Column(nullable = false, length = 200)
    public String name;
    public String note;
    public int count;
    public boolean active;
    public LocalDate day;
    public Instant created;
}}
""")

# Half the validated classes are forms (@Valid @BeanParam), half controllers with constrained parameters.
n_forms = n_validated // 2
n_constrained = n_validated - n_forms
for f in range(n_forms):
    write(os.path.join(java_dir, f"Form{f:02d}.java"), PACKAGE + f"""import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

public class Form{f:02d} {{
    @RestForm
    @NotBlank
    @Size(max = 200)
    public String name;
    @RestForm
    @Size(max = 2000)
    public String note;
    @RestForm
    @Pattern(regexp = "[0-9]{{1,4}}")
    public String count;
    @RestForm
    @Pattern(regexp = "\\\\d{{4}}-\\\\d{{2}}-\\\\d{{2}}")
    public String day;
}}
""")

# The layout every page includes, as Backline's main.html.
write(os.path.join(templates_dir, "model.html"), """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{#insert title}Model{/insert}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/app.css"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/model/00/list">Model</a></nav></header>
<main>{#insert /}</main>
<footer><p>The stack's minimal app with a model of Backline's size.</p></footer>
</body>
</html>
""")

# Controllers: endpoints spread evenly; each has a list page and (while templates remain) an edit page.
base, extra = divmod(n_endpoints, n_controllers)
templates_left = n_templates - 1  # the layout is one of them
cell = ("<td>{item.name}</td><td>{item.note ?: ''}</td><td>{item.count}</td>"
        "<td>{#if item.active}active{#else}inactive{/if}</td><td>{item.day ?: ''}</td><td>{item.clinicId}</td>\n")
for c in range(n_controllers):
    endpoints = base + (1 if c < extra else 0)
    pages = ["list"] + (["edit"] if templates_left >= 2 else [])
    templates_left -= len(pages)
    constrained = c < n_constrained
    form = f"Form{c:02d}" if c < n_forms else None
    methods = []
    natives = [f"        public static native TemplateInstance list(List<Entity{c % n_entities:02d}> items, String q);"]
    methods.append(f"""    @GET
    @Path("list")
    public TemplateInstance list(@RestQuery String q) {{
        return Templates.list(List.of(), q);
    }}
""")
    if "edit" in pages:
        natives.append(f"        public static native TemplateInstance edit(Entity{c % n_entities:02d} item);")
        methods.append(f"""    @GET
    @Path("edit/{{id}}")
    public TemplateInstance edit(@RestPath UUID id) {{
        return Templates.edit(new Entity{c % n_entities:02d}());
    }}
""")
    for m in range(endpoints - len(methods)):
        if m == 0 and constrained:
            params = ('@RestForm @NotBlank @Size(max = 200) String name, @RestForm @Size(max = 2000) String note, '
                      '@RestForm @Pattern(regexp = "[0-9]{1,4}") String count')
        elif m == 1 and form:
            params = f"@Valid @BeanParam {form} form"
        else:
            params = "@RestForm String name"
        methods.append(f"""    @POST
    @Path("action{m}")
    public Response action{m}({params}) {{
        return Response.seeOther(URI.create("/model/{c:02d}/list")).build();
    }}
""")
    body = "\n".join(methods)
    imports = ["jakarta.annotation.security.RolesAllowed"] + [name for name in (
        "jakarta.validation.Valid", "jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.Pattern",
        "jakarta.validation.constraints.Size", "jakarta.ws.rs.BeanParam") if "@" + name.rsplit(".", 1)[1] in body]
    write(os.path.join(java_dir, f"Pages{c:02d}.java"), PACKAGE + f"""import java.net.URI;
import java.util.List;
import java.util.UUID;

{chr(10).join("import " + name + ";" for name in imports)}
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

@Path("/model/{c:02d}")
@RolesAllowed("trainer")
public class Pages{c:02d} extends Controller {{
    @CheckedTemplate
    static class Templates {{
{chr(10).join(natives)}
    }}

{body}}}
""")
    # Pages as large as Backline's on average, with as many expressions per byte.
    os.makedirs(os.path.join(templates_dir, f"Pages{c:02d}"), exist_ok=True)
    filler = "<p>Text of the page, as a page of the app has: headings, help and labels around its data.</p>\n"
    for page in pages:
        head = "{#include model}\n{#title}Model " + f"{c:02d} {page}" + "{/title}\n<h1>Model " + f"{c:02d}</h1>\n"
        if page == "list":
            body = "<p>Search: {q ?: ''}</p>\n{#for item in items}\n<table><tr>\n" + cell * 5 + "</tr></table>\n{/for}\n"
        else:
            body = "{#if item}\n<dl>\n" + cell.replace("<td>", "<dd>").replace("</td>", "</dd>") * 5 + "</dl>\n{/if}\n"
        page_text = head + body
        while len(page_text) < template_bytes - 11:
            page_text += filler
        write(os.path.join(templates_dir, f"Pages{c:02d}", f"{page}.html"), page_text + "{/include}\n")
