/* depeche review page: flagged-only filter, flag-to-flag navigation, counterpart highlight, corrections
   (edit, mark reviewed) kept in this browser and exported as a file for `depeche review apply`.
   No network, no libraries: the page works from a folder. */
(function () {
  "use strict";
  var dataElement = document.getElementById("depeche-review");
  if (!dataElement) {
    return;
  }
  var facts = JSON.parse(dataElement.textContent);
  var storageKey = "depeche-review:" + facts.article + ":" + facts.models.map(function (m) {
    return m.weights_sha256;
  }).join(",");

  var englishSpans = Array.prototype.slice.call(document.querySelectorAll("main [lang=en] span.s"));
  var bySentence = {};
  englishSpans.forEach(function (span) {
    var french = document.querySelector('main [lang=fr] span.s[data-s="' + span.dataset.s + '"]');
    bySentence[span.dataset.s] = {
      english: span,
      french: french,
      source: french ? french.textContent : "",
      original: span.textContent,
      originallyReviewed: span.classList.contains("reviewed"),
      target: span.textContent,
      reviewed: span.classList.contains("reviewed")
    };
  });
  var flagged = englishSpans.filter(function (span) { return span.classList.contains("flagged"); });

  var filter = document.getElementById("flagged-only");
  var editButton = document.getElementById("edit");
  var reviewedButton = document.getElementById("mark-reviewed");
  var exportButton = document.getElementById("export");
  var status = document.querySelector(".review-bar .status");
  var editor = document.getElementById("editor");
  var editorText = document.getElementById("editor-text");
  var current = null; // the English span chosen last

  function say(text) {
    status.textContent = text;
  }

  /* --- counterpart highlight: hovering or focusing a sentence lights up both languages --- */
  function highlight(position, on) {
    var sentence = bySentence[position];
    if (!sentence) {
      return;
    }
    sentence.english.classList.toggle("hl", on);
    if (sentence.french) {
      sentence.french.classList.toggle("hl", on);
    }
  }
  document.querySelectorAll("main span.s").forEach(function (span) {
    span.addEventListener("mouseenter", function () { highlight(span.dataset.s, true); });
    span.addEventListener("mouseleave", function () {
      if (!current || current.dataset.s !== span.dataset.s) {
        highlight(span.dataset.s, false);
      }
    });
    span.addEventListener("click", function () { choose(bySentence[span.dataset.s].english, false); });
  });
  englishSpans.forEach(function (span) {
    span.addEventListener("focus", function () { choose(span, false); });
  });

  /* --- choosing a sentence: the one Edit and Reviewed act on --- */
  function choose(span, focus) {
    if (current && current !== span) {
      current.classList.remove("current");
      highlight(current.dataset.s, false);
    }
    current = span;
    span.classList.add("current");
    highlight(span.dataset.s, true);
    editButton.disabled = false;
    reviewedButton.disabled = false;
    reviewedButton.setAttribute("aria-pressed", String(bySentence[span.dataset.s].reviewed));
    if (focus) {
      span.focus({ preventScroll: true });
      span.scrollIntoView({ block: "center" });
    }
  }

  /* --- flag to flag --- */
  function visibleFlagged() {
    return flagged.filter(function (span) { return span.offsetParent !== null; });
  }
  function moveToFlag(step) {
    var list = visibleFlagged();
    if (list.length === 0) {
      say("No flagged sentence.");
      return;
    }
    var at = current ? englishSpans.indexOf(current) : -1;
    var next = null;
    if (step > 0) {
      next = list.find(function (span) { return englishSpans.indexOf(span) > at; });
      if (!next) {
        next = list[0];
        say("Back to the first flag.");
      } else {
        say("");
      }
    } else {
      var before = list.filter(function (span) { return at < 0 || englishSpans.indexOf(span) < at; });
      next = before.length ? before[before.length - 1] : list[list.length - 1];
      say(before.length ? "" : "On to the last flag.");
    }
    choose(next, true);
    say((status.textContent ? status.textContent + " " : "") + "Flag " + (list.indexOf(next) + 1) + " of "
        + list.length + ": sentence " + next.dataset.s + ".");
  }
  document.getElementById("next-flag").addEventListener("click", function () { moveToFlag(1); });
  document.getElementById("prev-flag").addEventListener("click", function () { moveToFlag(-1); });

  /* --- flagged only --- */
  function applyFilter() {
    document.body.classList.toggle("flagged-only", filter.checked);
  }
  filter.addEventListener("change", applyFilter);

  /* --- corrections, kept in this browser until exported --- */
  function changes() {
    return Object.keys(bySentence).map(function (position) { return bySentence[position]; })
      .filter(function (s) { return s.target !== s.original || s.reviewed !== s.originallyReviewed; });
  }
  function refresh(sentence) {
    sentence.english.textContent = sentence.target;
    sentence.english.classList.toggle("edited", sentence.target !== sentence.original);
    sentence.english.classList.toggle("reviewed", sentence.reviewed);
    if (sentence.english === current) {
      reviewedButton.setAttribute("aria-pressed", String(sentence.reviewed));
    }
    var count = changes().length;
    exportButton.textContent = "Export corrections" + (count ? " (" + count + ")" : "");
  }
  function save() {
    var kept = {};
    changes().forEach(function (s) {
      kept[s.english.dataset.s] = { original: s.original, target: s.target, reviewed: s.reviewed };
    });
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(kept));
    } catch (e) {
      say("Corrections are not kept in this browser (" + e.name + "): export them before leaving.");
    }
  }
  function restore() {
    var kept = null;
    try {
      kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (e) {
      kept = null;
    }
    if (!kept) {
      return;
    }
    var restored = 0;
    Object.keys(kept).forEach(function (position) {
      var sentence = bySentence[position];
      // Corrections of another version of the page (the article translated again, or the corrections applied)
      // no longer apply; what the page already shows needs no restoring.
      var change = kept[position];
      if (sentence && change.original === sentence.original
          && (change.target !== sentence.original || change.reviewed !== sentence.originallyReviewed)) {
        sentence.target = change.target;
        sentence.reviewed = change.reviewed;
        refresh(sentence);
        restored++;
      }
    });
    save(); // forget what no longer applies
    if (restored) {
      say(restored + " correction" + (restored === 1 ? "" : "s") + " from your last visit restored.");
    }
  }

  function toggleReviewed() {
    if (!current) {
      return;
    }
    var sentence = bySentence[current.dataset.s];
    sentence.reviewed = !sentence.reviewed;
    refresh(sentence);
    save();
    say("Sentence " + current.dataset.s + (sentence.reviewed ? " marked reviewed." : " no longer marked reviewed."));
  }
  reviewedButton.addEventListener("click", toggleReviewed);

  /* --- the editor --- */
  var editing = null;
  function openEditor() {
    if (!current) {
      return;
    }
    editing = bySentence[current.dataset.s];
    editor.querySelector(".where").textContent = current.dataset.s;
    editor.querySelector(".editor-source").textContent = editing.source;
    var flags = editor.querySelector(".editor-flags");
    flags.textContent = "";
    document.querySelectorAll('main ul.flags > li[data-s="' + current.dataset.s + '"]').forEach(function (item) {
      flags.appendChild(item.cloneNode(true));
    });
    editorText.value = editing.target;
    editor.hidden = false;
    document.body.classList.add("editing");
    editorText.focus();
  }
  function closeEditor(keep) {
    if (!editing) {
      return;
    }
    if (keep) {
      var text = editorText.value.replace(/\s+/g, " ").trim();
      if (text === "") {
        say("An empty translation is not saved.");
        return;
      }
      editing.target = text;
      editing.reviewed = true;
      refresh(editing);
      save();
      say("Sentence " + editing.english.dataset.s + " corrected and marked reviewed.");
    }
    var span = editing.english;
    editing = null;
    editor.hidden = true;
    document.body.classList.remove("editing");
    span.focus({ preventScroll: true });
  }
  editButton.addEventListener("click", openEditor);
  document.getElementById("editor-save").addEventListener("click", function () { closeEditor(true); });
  document.getElementById("editor-cancel").addEventListener("click", function () { closeEditor(false); });
  editorText.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      closeEditor(true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeEditor(false);
    }
  });

  /* --- export: the file `depeche review apply` reads (format depeche-corrections/1) --- */
  function exportCorrections() {
    var list = changes();
    if (list.length === 0) {
      say("Nothing to export yet: edit a sentence or mark one reviewed.");
      return;
    }
    var file = {
      format: "depeche-corrections/1",
      article: facts.article,
      models: facts.models,
      tool_version: facts.tool_version,
      exported: new Date().toISOString(),
      sentences: list.map(function (s) {
        var at = s.english.dataset.s.split(".");
        return {
          paragraph: Number(at[0]),
          sentence: Number(at[1]),
          source: s.source,
          old_target: s.original,
          new_target: s.target,
          reviewed: s.reviewed
        };
      })
    };
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = facts.article + ".corrections.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    say(list.length + " correction" + (list.length === 1 ? "" : "s") + " exported as " + link.download
        + ": run depeche review apply on it.");
  }
  exportButton.addEventListener("click", exportCorrections);

  /* --- keys: j/n next flag, k/p previous, e edit, r reviewed, f filter --- */
  document.addEventListener("keydown", function (event) {
    if (editing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || target.isContentEditable
        || (target.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(target.type)));
    if (typing) {
      return;
    }
    var handled = true;
    switch (event.key) {
      case "j": case "n": moveToFlag(1); break;
      case "k": case "p": moveToFlag(-1); break;
      case "e": case "Enter":
        if (current && (target === current || event.key === "e")) {
          openEditor();
        } else {
          handled = false;
        }
        break;
      case "r": toggleReviewed(); break;
      case "f": filter.checked = !filter.checked; applyFilter(); break;
      default: handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.body.classList.add("scripted");
  restore();
}());
